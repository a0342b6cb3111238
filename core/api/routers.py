from django.urls import path
from rest_framework.routers import SimpleRouter

from .exports import ExportMixin


class RegistryRouter(SimpleRouter):
    """The standard list/detail routes, plus ``<prefix>/export.csv``, ``.xlsx`` and ``.json``
    (no trailing slash: the extension ends the path) for every viewset that exports."""

    def get_urls(self):
        urls = super().get_urls()
        for prefix, viewset, basename in self.registry:
            if not issubclass(viewset, ExportMixin):
                continue
            for extension in ("csv", "xlsx", "json"):
                view = viewset.as_view({"get": f"export_{extension}"}, basename=basename, detail=False)
                urls.append(path(f"{prefix}/export.{extension}", view,
                                 name=f"{basename}-export-{extension}"))
        return urls
