from django.contrib import admin

from .models import ExchangeRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["currency", "rate_to_eur", "valid_from"]
    list_filter = ["currency"]
    date_hierarchy = "valid_from"
    search_fields = ["currency"]
