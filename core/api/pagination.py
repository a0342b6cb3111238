from rest_framework.pagination import CursorPagination


class RegistryPagination(CursorPagination):
    """Cursor pagination: deep pages cost the same as the first one."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "-id"
