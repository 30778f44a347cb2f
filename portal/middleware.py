"""HTTP caching and CORS for the JSON API."""

import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from portal.content import last_updated

API_PREFIX = "/api/"
# Not content: the schema and docs change with the code, not with the data.
UNCONDITIONAL = ("/api/v1/openapi.json", "/api/v1/docs")
API_MAX_AGE = 60


class ApiHttpMiddleware:
    """For GET and HEAD under /api/: ETag and Last-Modified from the content's last change, answered
    with 304 before any work when the client already has the current version; short public
    caching; and ``Access-Control-Allow-Origin: *`` (the data is public).

    The ETag is a hash of the content's last change and the full address, so it changes on every
    edit (deletions included, see ``portal.content``) and differs per language and page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX) or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        conditional = not request.path.startswith(UNCONDITIONAL)
        etag = changed = None
        if conditional:
            changed = last_updated()
            key = f"{changed.isoformat() if changed else '-'}|{request.get_full_path()}"
            etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
            stamp = int(changed.timestamp()) if changed else None  # HTTP dates have whole seconds
            not_modified = get_conditional_response(request, etag=etag, last_modified=stamp)
            if not_modified is not None:
                return self._decorate(not_modified)
        response = self.get_response(request)
        if conditional and response.status_code == 200:
            response["ETag"] = etag
            if changed:
                response["Last-Modified"] = http_date(changed.timestamp())
        return self._decorate(response)

    @staticmethod
    def _decorate(response):
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=API_MAX_AGE)
        else:
            patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ["Accept-Encoding"])
        return response
