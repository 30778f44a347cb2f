"""Property-based API test: schemathesis generates requests from the OpenAPI schema and checks that
no request gives a server error and every response matches the schema (status, headers, body).

The operations are driven by hand with Hypothesis (``as_strategy``) rather than through
schemathesis' pytest plugin, which does not run under this pytest version.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from portal.wsgi import application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests go straight to the WSGI app, so stop it closing the test's database connection
    between requests (as Django's own test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


EXAMPLES = 40


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_conforms_to_the_schema():
    checked = []
    for operation in operations():

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            case.call_and_validate(headers={"Accept-Encoding": "identity"})  # bodies as the schema says

        run()
        checked.append(operation.label)
    assert len(checked) >= 12, checked
