import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "efus_ppp.settings.dev")

application = get_wsgi_application()


def _settle():
    """Load the URL configuration (and the views it imports) now, then move every object made
    while starting into the collector's permanent generation: they live as long as the process,
    and a full collection that walks them all pauses a request for tens of milliseconds."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    gc.collect()
    gc.freeze()


_settle()
