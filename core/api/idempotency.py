"""The ``Idempotency-Key`` header on API POSTs (creates and actions such as submit or
transition): a retried request with the same key, by the same user, on the same method and path,
gets the first response (status, body, ``Location``, ``ETag``) and changes nothing; the same key
with another request gets 422. See ``core.idempotency``."""

import hashlib
import json

from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from core import idempotency

HEADER = "Idempotency-Key"


class IdempotencyKeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _(
        "This Idempotency-Key was already used for another request: use a new key for a new "
        "request."
    )
    default_code = "idempotency_key_reused"


class InvalidIdempotencyKey(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _("An Idempotency-Key is 1 to 255 printable ASCII characters.")
    default_code = "invalid_idempotency_key"


def _content(data):
    """What the client sent, in a form that hashes the same for the same content."""
    if isinstance(data, QueryDict):
        return {key: [_content(value) for value in data.getlist(key)] for key in sorted(data)}
    if isinstance(data, dict):
        return {str(key): _content(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_content(value) for value in data]
    if isinstance(data, UploadedFile):
        digest = hashlib.sha256()
        for chunk in data.chunks():
            digest.update(chunk)
        data.seek(0)
        return {"file": data.name, "sha256": digest.hexdigest()}
    return data


def _replay(record) -> Response:
    headers = {"Idempotent-Replayed": "true"}
    if record.location:
        headers["Location"] = record.location
    if record.etag:
        headers["ETag"] = record.etag
    return Response(json.loads(record.body) if record.body else None, status=record.status,
                    headers=headers)


class IdempotentPostMixin:
    """For viewsets: a POST carrying the header runs, with the key's claim, in one transaction."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        key = request.headers.get(HEADER)
        if request.method != "POST" or key is None or not request.user.is_authenticated:
            return
        if not idempotency.KEY_PATTERN.match(key):
            raise InvalidIdempotencyKey()
        # DRF looks the handler up after ``initial``: the POST handler is wrapped here, per request.
        self.post = self._once(self.post, key)

    def _once(self, handler, key):
        def run(request, *args, **kwargs):
            request_path = request.path
            print_ = idempotency.fingerprint(request.method, request_path, _content(request.data))
            record = idempotency.earlier(request.user, key)
            if record is not None:
                return self._answer_again(record, request.method, request_path, print_)
            try:
                return idempotency.run_once(
                    user=request.user, key=key, method=request.method, path=request_path,
                    fingerprint=print_, write=lambda: handler(request, *args, **kwargs),
                    answer=_remembered,
                )
            except idempotency.Replay as replay:
                return self._answer_again(replay.record, request.method, request_path, print_)
        return run

    def _answer_again(self, record, method, path, print_):
        if (record.method, record.path, record.fingerprint) != (method, path, print_):
            raise IdempotencyKeyReused()
        return _replay(record)


def _remembered(response):
    if not 200 <= response.status_code < 300:
        return None
    data = getattr(response, "data", None)
    body = "" if data is None else json.dumps(data, cls=JSONEncoder)
    return {
        "status": response.status_code,
        "body": body,
        "location": str(response.get("Location", "")),
        "etag": str(response.get("ETag", "")),
    }
