"""Read an admin form from its page, as a browser would submit it unchanged."""

from html.parser import HTMLParser

PASSWORD = "correct horse battery staple 2026"


class FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, []
        self._textarea = self._select = None
        self._select_multiple, self._options = False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (self.form_id is None or attrs.get("id") == self.form_id):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select, self._select_multiple, self._options = name, "multiple" in attrs, []
        elif tag == "option" and self._select is not None:
            self._options.append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self.data.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._select_multiple and self._options:
                chosen = [self._options[0][0]]
            self.data.extend((self._select, value) for value in chosen)
            self._select = None


def read_form(html, form_id=None):
    """The submitted data of a form: ``{name: value}``, lists for repeated names."""
    reader = FormReader(form_id)
    reader.feed(html)
    data = {}
    for name, value in reader.data:
        if name in data:
            data[name] = data[name] if isinstance(data[name], list) else [data[name]]
            data[name].append(value)
        else:
            data[name] = value
    return data


def change_form(client, url, form_id):
    """The data an admin change form would submit unchanged."""
    response = client.get(url)
    assert response.status_code == 200, url
    return read_form(response.content.decode(), form_id)


def save(client, url, data):
    return client.post(url, {**data, "_save": "Save"})
