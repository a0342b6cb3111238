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
  enhancePickers(row);
  const first = row.querySelector("select:not([hidden]), textarea, input:not([type=hidden])");
  if (first) first.focus();
}

// The organisation picker (ARIA combobox with a listbox): a text box that asks the server for
// the organisations whose name holds what was typed. The select stays in the form and carries
// the value, so the form posts the same thing with or without this script.
function enhancePicker(select) {
  if (select.dataset.pickerReady) return;
  select.dataset.pickerReady = "1";
  const id = `${select.id}-picker`;
  const wrapper = document.createElement("div");
  wrapper.className = "picker";
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.autocomplete = "off";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", `${id}-listbox`);
  if (select.getAttribute("aria-describedby")) {
    input.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
  }
  if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
  const chosen = select.options[select.selectedIndex];
  input.value = chosen && chosen.value ? chosen.text : "";
  const listbox = document.createElement("div");
  listbox.id = `${id}-listbox`;
  listbox.setAttribute("role", "listbox");
  listbox.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  const label = document.querySelector(`label[for="${select.id}"]`);
  if (label) {
    label.htmlFor = input.id;
    label.id = label.id || `${id}-label`;
    listbox.setAttribute("aria-labelledby", label.id);
  }
  select.hidden = true;
  select.tabIndex = -1;
  select.after(wrapper);
  wrapper.append(input, listbox, status);

  let options = [];
  let active = -1;
  let request = 0;
  let timer = null;

  function open(isOpen) {
    listbox.hidden = !isOpen;
    input.setAttribute("aria-expanded", String(isOpen));
    if (!isOpen) setActive(-1);
  }

  function setActive(index) {
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    input.setAttribute("aria-activedescendant", options[index].id);
    options[index].scrollIntoView({ block: "nearest" });
  }

  function choose(option) {
    select.value = option.dataset.value;
    input.value = option.textContent;
    open(false);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function show(groups, activateFirst) {
    listbox.replaceChildren();
    options = [];
    groups.forEach((group, g) => {
      const list = document.createElement("ul");
      list.setAttribute("role", "group");
      const heading = document.createElement("li");
      heading.setAttribute("role", "presentation");
      heading.id = `${id}-group-${g}`;
      heading.className = "picker__group";
      heading.textContent = group.label;
      list.setAttribute("aria-labelledby", heading.id);
      list.append(heading);
      group.options.forEach((item) => {
        const option = document.createElement("li");
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.id = `${id}-option-${item.value}`;
        option.dataset.value = String(item.value);
        option.textContent = item.label;
        list.append(option);
        options.push(option);
      });
      listbox.append(list);
    });
    status.textContent = options.length
      ? select.dataset.pickerFound.replace("{count}", String(options.length))
      : select.dataset.pickerNone;
    open(options.length > 0);
    if (activateFirst && options.length) setActive(0);
  }

  async function search(activateFirst = false) {
    const mine = ++request;
    const url = `${select.dataset.picker}?q=${encodeURIComponent(input.value.trim())}`;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok || mine !== request) return;
      const data = await response.json();
      if (mine === request) show(data.groups, activateFirst);
    } catch (error) {
      open(false);
    }
  }

  input.addEventListener("input", () => {
    select.value = "";
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (listbox.hidden) {
        clearTimeout(timer);
        search(true);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      if (!listbox.hidden && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      }
    } else if (event.key === "Escape") {
      if (!listbox.hidden) {
        event.preventDefault();
        open(false);
      }
    }
  });
  input.addEventListener("blur", () => { open(false); });
  // Pressing (not releasing) an option would blur the input and close the list first.
  listbox.addEventListener("mousedown", (event) => { event.preventDefault(); });
  listbox.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) choose(option);
  });
}

function enhancePickers(root) {
  root.querySelectorAll("select[data-picker]").forEach(enhancePicker);
}

document.addEventListener("DOMContentLoaded", () => {
  enhancePickers(document);

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
