// One way to send a form: disable it while it is on its way, and show a refusal (problem+json) next to the field it
// names, or at the top of the form when it names none.
import { h } from './dom.js';
import { t } from './i18n.js';

function clear(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((el) => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  });
}

/** Shows a refusal in the form; the fields are found by their name, e.g. errors[].field "category". */
export function showProblem(form, problem) {
  clear(form);
  let placed = false;
  (problem.errors || []).forEach((error) => {
    const name = String(error.field || '').replace(/\[\d+\]$/, '');
    const control = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!control) return;
    const id = `${control.id || name}-error`;
    const message = h('p', { class: 'field-error', id, role: 'alert', dataset: { field: name } }, error.message);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', id);
    (control.closest('.field') || control).after(message);
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

/** A datetime-local value (the community's local time, see i18n.js) as an ISO instant, or null when empty. */
export { instantOfLocal as instant } from './i18n.js';
export const text = (data, name) => {
  const value = data.get(name);
  return value === null || String(value).trim() === '' ? null : String(value).trim();
};
