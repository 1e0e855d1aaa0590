// The community's estate and categories: its buildings (with units and households, at a grid position) and named
// places, added and removed; the catalogue's categories as the community has chosen them — withdrawn or taken back,
// and its own time limits set or cleared. Every refusal is shown in the form that was sent (forms.js).
import { $, h, field, options } from './dom.js';
import { api, Problem } from './api.js';
import { lang, learnWords, t } from './i18n.js';
import { onSubmit, redrawKeepingDrafts, text } from './forms.js';

learnWords({
  'zh-CN': {
    navEstate: '小区与分类', estateTitle: '小区与分类', buildingsTitle: '楼栋', placesTitle: '地点',
    categoriesTitle: '诉求分类', code: '编号', name: '名称', nameZh: '中文名称', nameEnglish: '英文名称',
    position: '地图位置', units: '单元', households: '户数', floors: '层数', gridX: '地图列（从 0 起）',
    gridY: '地图行（从 0 起）', unitCount: '单元数', perFloor: '每层户数', floorArea: '每户面积（㎡）',
    addBuilding: '登记楼栋', addPlace: '登记地点', remove: '删除', removeIt: (what) => `确认删除 ${what}`,
    removeHint: '有未办结诉求或风险点的楼栋、地点不能删除。',
    willRegister: (units, each, first, last) => `将登记 ${units} 个单元，每单元 ${each} 户（${first}–${last}），共 ${units * each} 户`,
    noBuildings: '尚未登记楼栋', noPlaces: '尚未登记地点', save: '保存', required: '必填',
    catalogueLimits: '目录时限', ownLimits: '本社区时限', usesCatalogue: '按目录', respondWithin: '响应时限',
    resolveWithin: '办结时限', limitsLine: (respond, resolve) => `响应 ${respond}，办结 ${resolve}`,
    setLimits: '设置本社区时限', clearLimits: '恢复目录时限', withdraw: '停用', restore: '恢复启用',
    offered: '在用', withdrawnState: '已停用', unitHours: '小时', unitDays: '天', unitMinutes: '分钟',
    durationDays: (n) => `${n}天`, durationHours: (n) => `${n}小时`, durationMinutes: (n) => `${n}分钟`,
    categoriesHint: '停用的分类，居民和工作人员都不能再选；有未办结诉求的分类不能停用。本社区时限只用于非紧急诉求。',
    buildingName: (code) => `${code}号楼`,
  },
  en: {
    navEstate: 'Estate & categories', estateTitle: 'Estate & categories', buildingsTitle: 'Buildings',
    placesTitle: 'Places', categoriesTitle: 'Categories', code: 'Code', name: 'Name', nameZh: 'Chinese name',
    nameEnglish: 'English name', position: 'Map position', units: 'Units', households: 'Households',
    floors: 'Floors', gridX: 'Map column (from 0)', gridY: 'Map row (from 0)', unitCount: 'Units',
    perFloor: 'Households per floor', floorArea: 'Floor area each (m²)', addBuilding: 'Add a building',
    addPlace: 'Add a place', remove: 'Remove', removeIt: (what) => `Remove ${what}`,
    removeHint: 'A building or place with open requests or a risk point cannot be removed.',
    willRegister: (units, each, first, last) => `${units} unit(s) of ${each} households each (${first}–${last}), ${units * each} in all`,
    noBuildings: 'No building registered yet', noPlaces: 'No place registered yet', save: 'Save', required: 'Required',
    catalogueLimits: 'Catalogue limits', ownLimits: 'Community limits', usesCatalogue: 'as the catalogue',
    respondWithin: 'Respond within', resolveWithin: 'Resolve within',
    limitsLine: (respond, resolve) => `respond ${respond}, resolve ${resolve}`,
    setLimits: 'Set community limits', clearLimits: 'Back to catalogue limits', withdraw: 'Withdraw',
    restore: 'Take back', offered: 'Offered', withdrawnState: 'Withdrawn', unitHours: 'hours', unitDays: 'days',
    unitMinutes: 'minutes', durationDays: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
    durationHours: (n) => `${n} h`, durationMinutes: (n) => `${n} min`,
    categoriesHint: 'A withdrawn category can no longer be chosen by residents or workers; one with open requests '
      + 'cannot be withdrawn. The community\'s limits apply to requests not marked urgent.',
    buildingName: (code) => `Building ${code}`,
  },
});

const state = { buildings: [], places: [], choices: null };

/** An ISO-8601 duration as Java writes it (PT3H, PT24H, PT90M, P1D) → minutes. */
export function minutesOf(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(iso || ''));
  if (!m) return null;
  return Number(m[1] || 0) * 1440 + Number(m[2] || 0) * 60 + Number(m[3] || 0) + Math.round(Number(m[4] || 0) / 60);
}

/** Minutes in words: whole days as days, whole hours as hours, else minutes. */
function spoken(iso) {
  const minutes = minutesOf(iso);
  if (minutes === null) return iso || '';
  if (minutes % 1440 === 0) return t('durationDays')(minutes / 1440);
  if (minutes % 60 === 0) return t('durationHours')(minutes / 60);
  return t('durationMinutes')(minutes);
}

/** The unit and number a duration is best edited in. */
function editable(iso) {
  const minutes = minutesOf(iso);
  if (!minutes) return ['', 'hours'];
  if (minutes % 1440 === 0) return [String(minutes / 1440), 'days'];
  if (minutes % 60 === 0) return [String(minutes / 60), 'hours'];
  return [String(minutes), 'minutes'];
}

const FACTOR = { minutes: 1, hours: 60, days: 1440 };

/** A number and its unit from the form → ISO-8601 (PT…M), or null when empty (the service names the field). */
function duration(data, name) {
  const value = text(data, name);
  if (value === null) return null;
  const number = Number(value.replace(',', '.'));
  if (!Number.isFinite(number)) return value; // the service refuses it, naming the field
  return `PT${Math.round(number * FACTOR[data.get(`${name}Unit`)])}M`;
}

const required = (name) => new Problem(400, { detail: t('required'), errors: [{ field: name, message: t('required') }] });

/** The households of the simple form: floors × per floor in each unit, 101, 102, … 201, …; one floor area for all. */
export function households(floors, perFloor) {
  const codes = [];
  for (let floor = 1; floor <= floors; floor += 1) {
    for (let k = 1; k <= perFloor; k += 1) codes.push(`${floor}${String(k).padStart(2, '0')}`);
  }
  return codes;
}

const whole = (data, name) => {
  const value = text(data, name);
  if (value === null) throw required(name);
  return Number(value);
};

/** A field the service names inside units[…].households[…] belongs to the form's own controls. */
function onOurFields(problem) {
  problem.errors = problem.errors.map((e) => {
    const path = String(e.field || '');
    const last = path.split('.').pop().replace(/\[\d+\]$/, '');
    let name = last;
    if (/floorArea$/.test(path)) name = 'floorArea';
    else if (/households/.test(path)) name = 'perFloor';
    else if (/units/.test(path)) name = 'units';
    return { ...e, field: name };
  });
  return problem;
}

async function addBuilding(data) {
  const code = text(data, 'code');
  const floors = whole(data, 'floors');
  const perFloor = whole(data, 'perFloor');
  const unitCount = whole(data, 'units');
  const floorArea = Number(text(data, 'floorArea') || '60');
  const each = households(floors, perFloor).map((c) => ({ code: c, floorArea }));
  const body = { code, name: text(data, 'name') || (code ? t('buildingName')(code) : null), floors,
    gridX: whole(data, 'gridX'), gridY: whole(data, 'gridY'),
    units: Array.from({ length: unitCount }, (_, i) => ({ code: String(i + 1), households: each })) };
  try {
    return await api('requests', '/api/estate/buildings', { method: 'POST', body });
  } catch (problem) {
    throw problem instanceof Problem ? onOurFields(problem) : problem;
  }
}

function preview(form) {
  const n = (name) => Number(form.elements[name].value);
  const line = form.querySelector('[data-preview]');
  const floors = n('floors');
  const perFloor = n('perFloor');
  const units = n('units');
  const ok = [floors, perFloor, units].every((v) => Number.isInteger(v) && v > 0) && floors * perFloor <= 400;
  const codes = ok ? households(floors, perFloor) : [];
  line.textContent = ok ? t('willRegister')(units, codes.length, codes[0], codes[codes.length - 1]) : '';
}

/** The first free cell of the estate map, row by row, as wide as the map already is. */
function freeCell() {
  const taken = new Set(state.buildings.map((b) => `${b.gridX},${b.gridY}`));
  const columns = state.buildings.length ? Math.max(...state.buildings.map((b) => b.gridX)) + 1 : 8;
  for (let cell = 0; ; cell += 1) {
    const [x, y] = [cell % columns, Math.floor(cell / columns)];
    if (!taken.has(`${x},${y}`)) return [x, y];
  }
}

function buildingForm() {
  const next = state.buildings.reduce((max, b) => Math.max(max, Number(b.code) || 0), 0) + 1;
  const [gridX, gridY] = freeCell();
  const form = h('form', { id: 'building-form', class: 'grid-form' },
    field(t('code'), h('input', { name: 'code', autocomplete: 'off', value: String(next), maxlength: '16' })),
    field(t('name'), h('input', { name: 'name', autocomplete: 'off', placeholder: t('buildingName')(next) })),
    field(t('floors'), h('input', { name: 'floors', type: 'number', min: '1', max: '60', value: '6' })),
    field(t('unitCount'), h('input', { name: 'units', type: 'number', min: '1', max: '20', value: '2' })),
    field(t('perFloor'), h('input', { name: 'perFloor', type: 'number', min: '1', max: '20', value: '2' })),
    field(t('floorArea'), h('input', { name: 'floorArea', type: 'number', min: '5', max: '2000', step: '0.1', value: '60' })),
    field(t('gridX'), h('input', { name: 'gridX', type: 'number', min: '0', max: '999', value: String(gridX) })),
    field(t('gridY'), h('input', { name: 'gridY', type: 'number', min: '0', max: '999', value: String(gridY) })),
    h('p', { class: 'wide hint', dataset: { preview: '' }, 'aria-live': 'polite' }),
    h('p', { class: 'wide' }, h('button', { type: 'submit' }, t('addBuilding'))));
  form.addEventListener('input', () => preview(form));
  preview(form);
  // once added, the form closes: the new building is in the list below it
  return onSubmit(form, addBuilding, () => { form.reset(); form.closest('details').open = false; return refreshEstate(); });
}

function placeForm() {
  const form = h('form', { id: 'place-form', class: 'grid-form' },
    field(t('code'), h('input', { name: 'code', autocomplete: 'off', maxlength: '32', placeholder: 'east-gate' })),
    field(t('nameZh'), h('input', { name: 'name', autocomplete: 'off', placeholder: '小区东门' })),
    field(t('nameEnglish'), h('input', { name: 'nameEn', autocomplete: 'off', placeholder: 'East gate' })),
    h('p', { class: 'wide' }, h('button', { type: 'submit' }, t('addPlace'))));
  return onSubmit(form, (data) => {
    const code = text(data, 'code');
    if (code === null) throw required('code');
    return api('requests', `/api/estate/places/${encodeURIComponent(code)}`, { method: 'PUT',
      body: { name: text(data, 'name'), nameEn: text(data, 'nameEn') } });
  }, () => { form.reset(); form.closest('details').open = false; return refreshEstate(); });
}

/** Removing: a disclosure with one button naming what goes, the refusal (409: open requests) shown beside it. */
function removal(kind, code, label, path) {
  return h('details', { class: 'action remove', dataset: { action: 'remove', key: `${kind}:${code}` } },
    h('summary', {}, t('remove')),
    onSubmit(h('form', { class: 'inline', dataset: { form: `remove-${kind}` } },
      h('button', { type: 'submit', class: 'danger' }, t('removeIt')(label))),
    () => api('requests', path, { method: 'DELETE' }), () => refreshEstate()));
}

function buildingsSection() {
  const rows = state.buildings.map((b) => h('tr', { dataset: { building: b.code } },
    h('td', {}, b.code), h('td', {}, b.name), h('td', { class: 'position' }, `${b.gridX}, ${b.gridY}`),
    h('td', { class: 'num' }, String(b.units.length)), h('td', { class: 'num' }, String(b.households)),
    h('td', {}, removal('building', b.code, b.name, `/api/estate/buildings/${encodeURIComponent(b.code)}`))));
  return h('section', { class: 'estate-part', 'aria-labelledby': 'buildings-title' },
    h('h3', { id: 'buildings-title' }, t('buildingsTitle'), ' ', h('span', { class: 'badge' }, String(rows.length))),
    h('details', { class: 'action', dataset: { action: 'add-building', key: 'add-building' } },
      h('summary', {}, t('addBuilding')), buildingForm()),
    rows.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'estate-buildings', class: 'estate-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('code')), h('th', {}, t('name')), h('th', { class: 'position' }, t('position')),
        h('th', { class: 'num' }, t('units')), h('th', { class: 'num' }, t('households')), h('th', {}, ''))),
      h('tbody', {}, ...rows))) : h('p', { class: 'hint' }, t('noBuildings')));
}

function placesSection() {
  const zh = lang.current !== 'en';
  const rows = state.places.map((p) => h('tr', { dataset: { place: p.code } },
    h('td', {}, p.code), h('td', {}, zh ? p.name : p.nameEn), h('td', {}, zh ? p.nameEn : p.name),
    h('td', {}, removal('place', p.code, zh ? p.name : p.nameEn, `/api/estate/places/${encodeURIComponent(p.code)}`))));
  return h('section', { class: 'estate-part', 'aria-labelledby': 'places-title' },
    h('h3', { id: 'places-title' }, t('placesTitle'), ' ', h('span', { class: 'badge' }, String(rows.length))),
    h('details', { class: 'action', dataset: { action: 'add-place', key: 'add-place' } },
      h('summary', {}, t('addPlace')), placeForm()),
    rows.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'estate-places', class: 'estate-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('code')), h('th', {}, zh ? t('nameZh') : t('nameEnglish')),
        h('th', {}, zh ? t('nameEnglish') : t('nameZh')), h('th', {}, ''))),
      h('tbody', {}, ...rows))) : h('p', { class: 'hint' }, t('noPlaces')),
    h('p', { class: 'hint' }, t('removeHint')));
}

function durationField(label, name, iso) {
  const [value, unit] = editable(iso);
  const number = h('input', { name, type: 'number', min: '0', step: 'any', value, inputmode: 'decimal' });
  return field(label, h('span', { class: 'duration' }, number,
    h('select', { name: `${name}Unit`, 'aria-label': `${label} (${t('unitHours')} / ${t('unitDays')})` },
      ...options([['minutes', t('unitMinutes')], ['hours', t('unitHours')], ['days', t('unitDays')]], unit))));
}

function categoryCard(c, community) {
  const zh = lang.current !== 'en';
  const own = c.ownRespondWithin != null;
  const base = `/api/categories/${encodeURIComponent(c.code)}/communities/${encodeURIComponent(community)}`;
  const limits = h('form', { class: 'inline', dataset: { form: 'limits', action: 'limits' } },
    durationField(t('respondWithin'), 'respondWithin', own ? c.ownRespondWithin : c.respondWithin),
    durationField(t('resolveWithin'), 'resolveWithin', own ? c.ownResolveWithin : c.resolveWithin),
    h('button', { type: 'submit' }, t('save')));
  const limitsForm = onSubmit(limits, (data) => api('requests', `${base}/time-limits`, { method: 'PUT',
    body: { respondWithin: duration(data, 'respondWithin'), resolveWithin: duration(data, 'resolveWithin') } }),
  () => { limits.reset(); return refreshEstate(); });
  const clearForm = own ? onSubmit(h('form', { class: 'inline', dataset: { form: 'clear-limits', action: 'clear-limits' } },
    h('button', { type: 'submit', class: 'secondary' }, t('clearLimits'))),
  () => api('requests', `${base}/time-limits`, { method: 'DELETE' }), () => refreshEstate()) : null;
  const choiceForm = onSubmit(h('form', { class: 'inline', dataset: { form: c.withdrawn ? 'restore' : 'withdraw', action: 'choice' } },
    h('button', { type: 'submit', class: c.withdrawn ? null : 'secondary' }, c.withdrawn ? t('restore') : t('withdraw'))),
  () => api('requests', base, { method: c.withdrawn ? 'PUT' : 'DELETE' }), () => refreshEstate());
  return h('article', { class: `category-card${c.withdrawn ? ' withdrawn' : ''}`,
    dataset: { category: c.code, withdrawn: String(c.withdrawn), key: `category:${c.code}` } },
  h('h4', {}, zh ? c.nameZh : c.nameEn, ' ', h('span', { class: 'code' }, c.code), ' ',
    h('span', { class: `state ${c.withdrawn ? 'off' : 'on'}` }, c.withdrawn ? t('withdrawnState') : t('offered'))),
  h('dl', { class: 'facts' },
    h('dt', {}, t('catalogueLimits')), h('dd', { class: 'catalogue-limits' }, t('limitsLine')(spoken(c.respondWithin), spoken(c.resolveWithin))),
    h('dt', {}, t('ownLimits')), h('dd', { class: `own-limits${own ? ' own' : ''}` },
      own ? t('limitsLine')(spoken(c.ownRespondWithin), spoken(c.ownResolveWithin)) : t('usesCatalogue'))),
  h('div', { class: 'category-actions' },
    h('details', { class: 'action', dataset: { action: 'limits' } }, h('summary', {}, t('setLimits')), limitsForm, clearForm),
    choiceForm));
}

function categoriesSection() {
  const { community, categories } = state.choices || { community: '', categories: [] };
  return h('section', { class: 'estate-part', 'aria-labelledby': 'categories-title' },
    h('h3', { id: 'categories-title' }, t('categoriesTitle'), ' ', h('span', { class: 'badge' }, String(categories.length))),
    h('p', { class: 'hint' }, t('categoriesHint')),
    h('div', { id: 'estate-categories', class: 'category-grid' }, ...categories.map((c) => categoryCard(c, community))));
}

/** Reads the estate and the community's categories again and redraws, keeping what is typed and which parts are open. */
export async function refreshEstate() {
  const [buildings, places, choices] = await Promise.all([api('requests', '/api/estate/buildings'),
    api('requests', '/api/estate/places'), api('requests', '/api/categories/choices')]);
  const byCode = (a, b) => a.code.localeCompare(b.code, 'zh-CN', { numeric: true });
  state.buildings = [...buildings].sort(byCode);
  state.places = [...places].sort(byCode);
  state.choices = choices;
  const panel = $('estate-panel');
  const opened = new Set([...panel.querySelectorAll('details[open]')].map((d) => {
    const holder = d.parentElement.closest('[data-key]');
    return `${holder ? holder.dataset.key : ''}|${d.dataset.key || d.dataset.action}`;
  }));
  redrawKeepingDrafts(panel, () => {
    panel.replaceChildren(h('h2', { id: 'estate-title' }, t('estateTitle')),
      h('div', { class: 'estate-columns' }, buildingsSection(), placesSection()), categoriesSection());
    panel.querySelectorAll('details').forEach((d) => {
      const holder = d.parentElement.closest('[data-key]');
      if (opened.has(`${holder ? holder.dataset.key : ''}|${d.dataset.key || d.dataset.action}`)) d.open = true;
    });
  });
}
