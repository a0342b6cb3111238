FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=efus_ppp.settings.production

WORKDIR /app
RUN useradd --system --create-home --uid 10001 registry
# Exactly the pinned packages, hashes checked; the code itself runs from /app.
COPY requirements/base.txt requirements/base.txt
RUN pip install --require-hashes --no-deps -r requirements/base.txt
COPY . .
RUN DJANGO_SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-0123456789abcdef \
    DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown registry /app/media
USER registry
EXPOSE 8000
CMD ["gunicorn", "--config", "efus_ppp/gunicorn.conf.py", "efus_ppp.wsgi:application"]
