"""Property-based run over the OpenAPI document: no request may cause a server error.

Every operation of /api/v1/openapi.json gets generated requests (valid and invalid bodies,
odd query values) sent to the WSGI app in-process, authenticated as an OPD operator.
"""

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from ramping.wsgi import application


def test_api_tidak_pernah_galat_server(db, token, jabatan_a):
    skema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    header = {"Authorization": f"Bearer {token['operator_a']}"}
    operasi = [hasil.ok() for hasil in skema.get_all_operations()]
    assert len(operasi) >= 10
    for op in operasi:

        @given(case=op.as_strategy())
        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def jalankan(case):
            case.call_and_validate(headers=header, checks=[not_a_server_error])

        jalankan()
