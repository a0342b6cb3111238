from django.conf import settings


def registry(request):
    return {"REGISTRY_NAME": "Efus partnership registry", "LANGUAGES": settings.LANGUAGES}
