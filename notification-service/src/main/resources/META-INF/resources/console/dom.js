// Building the page from data: elements with text, never HTML strings (no innerHTML, no inline handlers or styles).

export const $ = (id) => document.getElementById(id);

/** h('button', {type: 'button', class: 'x', dataset: {id}, onclick}, 'text', child…) */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === null || value === undefined || value === false) return;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.entries(value).forEach(([k, v]) => { el.dataset[k] = v; });
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    // checked and selected become the default too, so that a form's reset() and a redraw's drafts know what was set
    else if ((key === 'checked' || key === 'selected') && value === true) el.setAttribute(key, '');
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  });
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** A labelled form field; the label's `for` and the field's id tie them together for screen readers. */
let fieldCount = 0;
export function field(label, control) {
  fieldCount += 1;
  if (!control.id) control.id = `f${fieldCount}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

export function options(pairs, selected) {
  return pairs.map(([value, text]) => h('option', { value, selected: value === selected }, text));
}
