// Progressive enhancement only: every page works without this script.
document.documentElement.classList.add("js");

function addFormsetRow(prefix, placeholder) {
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const template = document.getElementById(`${prefix}-empty`);
  const rows = document.getElementById(`${prefix}-rows`);
  if (!total || !template || !rows) return;
  const index = Number(total.value);
  rows.insertAdjacentHTML("beforeend", template.innerHTML.split(placeholder).join(String(index)));
  total.value = String(index + 1);
  const row = rows.lastElementChild;
  row.querySelectorAll("[data-formset-add]").forEach((button) => { button.hidden = false; });
  const first = row.querySelector("select, textarea, input:not([type=hidden])");
  if (first) first.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();

  document.querySelectorAll("[data-formset-add]").forEach((button) => { button.hidden = false; });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-formset-add]");
    if (!button) return;
    event.preventDefault();
    addFormsetRow(button.dataset.formsetAdd, button.dataset.placeholder || "__prefix__");
  });

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (target.matches("input[type=checkbox][name$='-DELETE']")) {
      const row = target.closest(".formset-row");
      if (row) row.classList.toggle("formset-row--removed", target.checked);
    }
  });

  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
});
