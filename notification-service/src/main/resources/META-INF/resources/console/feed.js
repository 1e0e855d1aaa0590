// The live feed in a worker's words: "7号楼2单元 漏水 → 和平物业 已接单"; a line about a request opens it.
import { $, h } from './dom.js';
import { api } from './api.js';
import { t, clock, categoryName, place } from './i18n.js';

const feed = { lines: [], openRequest: () => {} };

export function describe(line) {
  const kind = line.type.replace('gongzhi.', '').replace(/\.v\d+$/, '');
  const what = t('feedLine')[kind];
  const happened = what ? what({ ...line, party: line.party || '—', data: line.data || {} }) : kind;
  const about = line.category ? `${place(line.building, line.unit)} ${categoryName(line.category)}`.trim() : '';
  return about ? `${about} → ${happened}` : happened;
}

export async function refreshFeed() {
  feed.lines = await api('notifications', '/api/dashboard/feed?size=40');
  renderFeed();
}

export function renderFeed() {
  $('feed').replaceChildren(...feed.lines.map((line) => {
    const time = h('time', { datetime: line.time }, clock(line.time));
    const text = describe(line);
    const body = line.requestId
      ? h('button', { type: 'button', class: 'link', dataset: { request: line.requestId },
        onclick: () => feed.openRequest(line.requestId) }, text)
      : h('span', {}, text);
    return h('li', { dataset: { seq: String(line.seq), type: line.type } }, time, body);
  }));
}

export function bindFeed(openRequest) {
  feed.openRequest = openRequest;
}
