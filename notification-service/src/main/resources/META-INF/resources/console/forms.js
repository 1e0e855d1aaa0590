// One way to send a form: disable it while it is on its way, and show a refusal (problem+json) next to the field it
// names, or at the top of the form when it names none.
import { h } from './dom.js';
import { t } from './i18n.js';

function clear(form) {
  delete form.problem;
  form.querySelectorAll('.field-error, .form-error').forEach((el) => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  });
}

/** Shows a refusal in the form; the fields are found by their name, e.g. errors[].field "category". */
export function showProblem(form, problem) {
  clear(form);
  form.problem = problem; // kept for a redraw (redrawKeepingDrafts), which shows it again in the new form
  let placed = false;
  (problem.errors || []).forEach((error) => {
    const name = String(error.field || '').replace(/\[\d+\]$/, '');
    const control = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!control) return;
    const id = `${control.id || name}-error`;
    const message = h('p', { class: 'field-error', id, role: 'alert', dataset: { field: name } }, error.message);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', id);
    // inside the field, under its control: in a row of fields (quiet hours from/until) it stays in its own column
    const holder = control.closest('.field');
    if (holder) holder.append(message); else control.after(message);
    placed = true;
  });
  if (!placed) {
    form.prepend(h('p', { class: 'form-error', role: 'alert' }, `${t('failed')}: ${problem.message}`));
  }
}

/** On submit: send(values) and then done(answer); a refusal is shown in the form. */
export function onSubmit(form, send, done = () => {}) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    clear(form);
    try {
      const answer = await send(new FormData(form));
      await done(answer);
    } catch (problem) {
      showProblem(form, problem);
    } finally {
      if (button) button.disabled = false;
    }
  });
  return form;
}

/**
 * Where a field's value belongs across a redraw: its card's disclosure (data-key) or else its form (id, or data-form
 * and data-vote), the form's action, and its name (and value, for a radio button).
 */
function placeOf(el) {
  const { form } = el;
  if (!form || !el.name || el.type === 'file') return null;
  const where = formPlace(form);
  return where ? `${where}|${el.name}${el.type === 'radio' ? `=${el.value}` : ''}` : null;
}

/** Where a form belongs across a redraw: its card's disclosure (data-key) or else its id or data-form, and its action. */
function formPlace(form) {
  const holder = form.closest('[data-key]');
  const where = holder ? holder.dataset.key : form.id || [form.dataset.form, form.dataset.vote].filter(Boolean).join(':');
  return where ? `${where}|${form.dataset.action || ''}` : null;
}

const checkable = (el) => el.type === 'checkbox' || el.type === 'radio';

function changed(el) {
  if (checkable(el)) return el.checked !== el.defaultChecked;
  if (el.tagName === 'SELECT') return [...el.options].some((o) => o.selected !== o.defaultSelected);
  return el.value !== el.defaultValue;
}

/**
 * Redraws with draw() (which may return a promise) and puts back into the new forms inside root what the user typed
 * or chose in the old ones, field by field, and the refusal shown in a form: a half-written report survives the
 * language switch, a reason being written (and why it was refused) survives the feed redrawing the cards. A form sent
 * successfully should be reset() first.
 */
export function redrawKeepingDrafts(root, draw) {
  const drafts = new Map();
  root.querySelectorAll('form [name]').forEach((el) => {
    const place = placeOf(el);
    if (place && changed(el)) drafts.set(place, checkable(el) ? el.checked : el.value);
  });
  // a refusal shown in a form stays beside its field until the form is sent again
  const refusals = new Map();
  root.querySelectorAll('form').forEach((form) => {
    const place = form.problem && formPlace(form);
    if (place) refusals.set(place, form.problem);
  });
  const putBack = () => {
    root.querySelectorAll('form [name]').forEach((el) => {
      const place = placeOf(el);
      if (!place || !drafts.has(place)) return;
      if (checkable(el)) el.checked = drafts.get(place); else el.value = drafts.get(place);
    });
    root.querySelectorAll('form').forEach((form) => {
      const place = formPlace(form);
      if (place && refusals.has(place)) showProblem(form, refusals.get(place));
    });
  };
  const drawn = draw();
  return drawn && typeof drawn.then === 'function' ? drawn.then(putBack) : putBack();
}

/** A datetime-local value (the community's local time, see i18n.js) as an ISO instant, or null when empty. */
export { instantOfLocal as instant } from './i18n.js';
export const text = (data, name) => {
  const value = data.get(name);
  return value === null || String(value).trim() === '' ? null : String(value).trim();
};
