"""Screenshots of the main pages for the README, taken in Debian's Chromium.

Against a running server that holds the demo data (``manage.py seed_demo``):

    .venv/bin/python scripts/screenshots.py --base-url http://127.0.0.1:8000

The pictures land in docs/screenshots/.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
DEMO_PASSWORD = "efus-demo-2012"  # noqa: S105 - the printed password of the demo accounts


def open_first(page, list_url, link_selector):
    page.goto(list_url)
    page.locator(link_selector).first.click()
    page.wait_for_load_state()


def shoot(page, name, full_page=False):
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
    print(OUT / f"{name}.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", default="coordinator")
    parser.add_argument("--password", default=DEMO_PASSWORD)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(
            base_url=args.base_url, viewport={"width": 1280, "height": 900}, locale="en-GB"
        )
        page = context.new_page()

        page.goto("/partnerships/public/")
        shoot(page, "public-register")
        open_first(page, "/partnerships/public/", ".cards h2 a")
        shoot(page, "public-partnership", full_page=True)
        context.add_cookies([{"name": "django_language", "value": "fr", "url": args.base_url}])
        page.reload()
        shoot(page, "public-partnership-fr")
        context.clear_cookies()

        page.goto("/accounts/login/")
        shoot(page, "sign-in")
        page.fill("[name=username]", args.username)
        page.fill("[name=password]", args.password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        shoot(page, "dashboard", full_page=True)

        page.goto("/partnerships/?ordering=title")
        shoot(page, "partnership-list")
        open_first(page, "/partnerships/?status=negotiation", "tbody a")
        shoot(page, "partnership-negotiation", full_page=True)
        page.locator("a[href$='/edit/']").first.click()
        page.wait_for_load_state()
        shoot(page, "partnership-form", full_page=True)
        open_first(page, "/partnerships/?status=active", "tbody a")
        page.locator("a[href$='/history/']").click()
        page.wait_for_load_state()
        shoot(page, "partnership-history")

        open_first(page, "/goals/?ordering=priority", "tbody a")
        shoot(page, "goal-indicators", full_page=True)
        page.goto("/organisations/")
        shoot(page, "organisation-list")
        browser.close()


if __name__ == "__main__":
    main()
