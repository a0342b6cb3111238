import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_fallback = JSONEncoder().default


class RegistryJSONRenderer(JSONRenderer):
    """DRF's compact UTF-8 JSON, written by orjson: several times faster on long lists."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        # As DRF does: U+2028 and U+2029 are valid JSON but end a line in JavaScript.
        # Errors of a list in a body are keyed by position: integers, as json writes them.
        return orjson.dumps(data, default=_fallback, option=orjson.OPT_NON_STR_KEYS).replace(
            "\u2028".encode(), b"\\u2028"
        ).replace("\u2029".encode(), b"\\u2029")
