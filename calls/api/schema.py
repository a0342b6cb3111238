"""What the calls' part of the OpenAPI schema says that serializers cannot."""


def require_call_or_body(result, generator, request, public):
    """An expression of interest answers a call or, spontaneous, names the body it addresses:
    each is optional, but one of them is needed."""
    component = result.get("components", {}).get("schemas", {}).get("EoiCreateRequest")
    if component is not None:
        component["anyOf"] = [
            {"required": ["call"], "properties": {"call": {"type": "integer"}}},
            {"required": ["body"]},
        ]
    return result
