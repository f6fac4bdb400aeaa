// Tags and bylines as chips. A plain click in a `<select multiple>` replaces the whole
// selection (three tags gone for one misplaced click); here each chip is added or removed
// on its own. The select stays the form's field: this module only keeps it in step, so
// the form, the preview and the autosave read it as before, and without JavaScript the
// select is what the editor uses.

let uid = 0;

const el = (tag, attrs = {}, text = "") => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
};

// Case- and accent-insensitive, so "societe" finds "Société" and "москва" finds "Москва".
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

export const chips = (select) => {
  const noun = select.dataset.chips || "item";
  const id = select.id || `chips-${(uid += 1)}`;
  const box = el("div", { class: "chips" });
  const list = el("ul", { class: "chip-list", "aria-label": `Chosen: ${noun}s`, "aria-live": "polite" });
  const combo = el("div", { class: "chip-combo" });
  const input = el("input", {
    type: "text",
    id: `${id}-chip-input`,
    role: "combobox",
    "aria-expanded": "false",
    "aria-autocomplete": "list",
    "aria-controls": `${id}-chip-options`,
    autocomplete: "off",
    placeholder: select.dataset.chipsPlaceholder || `Add a ${noun}…`,
    dir: "auto",
  });
  const options = el("ul", { role: "listbox", id: `${id}-chip-options`, class: "chip-options", hidden: "" });
  combo.append(input, options);
  box.append(list, combo);
  select.after(box);
  select.classList.add("visually-hidden");
  select.setAttribute("aria-hidden", "true");
  select.tabIndex = -1;
  // The field's label now names the box the editor types in.
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  if (label) label.htmlFor = input.id;
  select.parentElement.querySelector(`[data-chips-hint="${CSS.escape(id)}"]`)?.setAttribute("hidden", "");

  let active = -1;
  let shown = [];

  const changed = () => {
    select.dispatchEvent(new Event("input", { bubbles: true }));
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };

  const renderChips = () => {
    list.replaceChildren(
      ...[...select.selectedOptions].map((option) => {
        const chip = el("li", { class: "chip", "data-value": option.value });
        const name = el("span", { dir: "auto" }, option.textContent.trim());
        const remove = el("button", { type: "button", class: "chip-remove", "aria-label": `Remove ${option.textContent.trim()}` }, "×");
        remove.addEventListener("click", () => {
          option.selected = false;
          renderChips();
          changed();
          input.focus();
        });
        chip.append(name, remove);
        return chip;
      }),
    );
  };

  const close = () => {
    options.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (index) => {
    active = index;
    [...options.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    const current = options.children[index];
    if (current) {
      input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    }
  };

  const add = (option) => {
    option.selected = true;
    input.value = "";
    renderChips();
    changed();
    close();
    input.focus();
  };

  const open = () => {
    const q = fold(input.value.trim());
    shown = [...select.options].filter((o) => !o.selected && o.value !== "" && fold(o.textContent).includes(q)).slice(0, 50);
    options.replaceChildren(
      ...(shown.length
        ? shown.map((option, i) => {
            const li = el("li", { role: "option", id: `${id}-chip-option-${i}`, "aria-selected": "false", dir: "auto" }, option.textContent.trim());
            // mousedown, not click: a click would first blur the input and close the list.
            li.addEventListener("mousedown", (event) => {
              event.preventDefault();
              add(option);
            });
            return li;
          })
        : [el("li", { class: "chip-none", "aria-disabled": "true" }, q ? `No ${noun} matches “${input.value.trim()}”` : `Every ${noun} is chosen`)]),
    );
    options.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(shown.length ? 0 : -1);
  };

  input.addEventListener("input", open);
  // Not on focus: tabbing through the form, or back to the box after removing a chip,
  // should not drop a list over the fields below.
  input.addEventListener("click", () => {
    if (options.hidden) open();
  });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    const count = shown.length;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (options.hidden) open();
      else if (count) highlight((active + 1) % count);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (count) highlight((active - 1 + count) % count);
    } else if (event.key === "Enter") {
      // Enter picks; it must never submit the article form half-chosen.
      if (!options.hidden) event.preventDefault();
      if (!options.hidden && active >= 0 && shown[active]) add(shown[active]);
    } else if (event.key === "Escape") {
      if (!options.hidden) {
        event.preventDefault();
        close();
      }
    } else if (event.key === "Backspace" && input.value === "") {
      const last = [...select.selectedOptions].pop();
      if (last) {
        last.selected = false;
        renderChips();
        changed();
      }
    }
  });
  // Anything else that changes the select (a restored autosave, a test driver) shows here.
  select.addEventListener("change", renderChips);
  renderChips();
};

export const start = () => {
  for (const select of document.querySelectorAll("select[multiple][data-chips]")) chips(select);
};
