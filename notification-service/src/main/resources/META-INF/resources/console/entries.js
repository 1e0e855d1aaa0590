// A request's timeline and where it stands against its deadlines, in the reader's language. request-service keeps each
// entry's parts (params: a party, a status, ISO times, a note as typed) beside its English text; an entry without parts
// (made before they were kept, or of a kind this page does not know) shows its text as recorded.
import { categoryName, lang, partyTypeName, t, when } from './i18n.js';

const zh = () => lang.current !== 'en';
const note = (text) => (text ? (zh() ? `——${text}` : ` — ${text}`) : '');
const taskStatus = (s) => t('taskStatuses')[s] || s;
const status = (s) => t('statuses')[s] || s;
const where = (p) => (p.building ? (zh() ? `${p.building}号楼` : `building ${p.building}`) : p.place || '');

/** One deadline step (RESPOND, RESOLVE, CONFIRM, FINISH) as a phrase: who is to do what. */
function step(s) {
  const party = s.party || '';
  if (zh()) {
    return { RESPOND: '社区首次响应', RESOLVE: '问题解决', CONFIRM: `${party}确认接单`, FINISH: `${party}完成办理` }[s.step] || s.step;
  }
  return { RESPOND: 'a first response', RESOLVE: 'the problem to be resolved', CONFIRM: `${party} to confirm the task`,
    FINISH: `${party} to finish the work` }[s.step] || s.step;
}

function escalation(party, level, missed) {
  const why = zh() ? `${party}未按时${missed === 'FINISH' ? '完成办理' : '确认接单'}`
    : `${party} did not ${missed === 'FINISH' ? 'finish' : 'confirm the task'} in time`;
  const zhSteps = { 1: '，已请其备岗联系人到岗（第 1 级）', 2: '，已报社区书记（第 2 级）', 3: '，已召集各方联合会商（吹哨报到，第 3 级）' };
  const enSteps = { 1: '; its backup on-duty contact was called in (step 1)', 2: '; the community secretary was called in (step 2)',
    3: '; a joint meeting of all the parties (吹哨报到) was convened (step 3)' };
  return why + ((zh() ? zhSteps : enSteps)[level] || (zh() ? `（第 ${level} 级）` : ` (step ${level})`));
}

const WORDS = {
  SUBMITTED: (p) => (zh() ? `收到诉求：${categoryName(p.category)}${where(p) ? `，${where(p)}` : ''}`
    : `Request received: ${categoryName(p.category)}${where(p) ? `, ${where(p)}` : ''}`),
  ACKNOWLEDGED: (p) => (zh() ? `社区已响应${note(p.note)}` : `Acknowledged by the community${note(p.note)}`),
  TRIAGE: (p) => (zh()
    ? `重新分类：${categoryName(p.category)}，紧急程度${t('urgencies')[p.urgency] || p.urgency}${p.tracksAdded ? `，增加渠道 ${p.tracksAdded.split(',').map((x) => t('tracks')[x] || x).join('、')}` : ''}${p.tracksRemoved ? `，去掉渠道 ${p.tracksRemoved.split(',').map((x) => t('tracks')[x] || x).join('、')}` : ''}；${when(p.resolveBy)}前解决`
    : `Re-categorised: ${categoryName(p.category)}, urgency ${t('urgencies')[p.urgency] || p.urgency}${p.tracksAdded ? `, tracks added: ${p.tracksAdded.split(',').map((x) => t('tracks')[x] || x).join(', ')}` : ''}${p.tracksRemoved ? `, tracks removed: ${p.tracksRemoved.split(',').map((x) => t('tracks')[x] || x).join(', ')}` : ''}; resolve by ${when(p.resolveBy)}`),
  MERGED: (p) => (zh() ? `一条重复的诉求并入了本诉求（${categoryName(p.category)}，${where(p)}，${when(p.filedAt)} 提交）`
    : `A duplicate report was merged into this request (${categoryName(p.category)}, ${where(p)}, filed ${when(p.filedAt)})`),
  UNMERGED: (p) => (zh() ? `误并入的诉求已重新分开（${categoryName(p.category)}，${where(p)}，${when(p.filedAt)} 提交）`
    : `A report merged by mistake was separated again (${categoryName(p.category)}, ${where(p)}, filed ${when(p.filedAt)})`),
  STATUS: (p) => (zh() ? `状态：${status(p.status)}${p.mergedInto ? '（已并入另一诉求）' : ''}${note(p.reason)}`
    : `Status: ${status(p.status)}${p.mergedInto ? ' (merged into another request)' : ''}${note(p.reason)}`),
  TASK_ASSIGNED: (p) => (zh()
    ? `${p.party}${p.role === 'LEAD' ? '牵头办理' : '协助办理'}，${when(p.acknowledgeBy)}前接单，${when(p.completeBy)}前完成`
    : `${p.party} ${p.role === 'LEAD' ? 'leads' : 'supports'} the work; respond by ${when(p.acknowledgeBy)}, complete by ${when(p.completeBy)}`),
  DEADLINE_CHANGED: (p) => {
    const parts = zh() ? [p.completeBy && `${when(p.completeBy)}前完成`, p.acknowledgeBy && `${when(p.acknowledgeBy)}前接单`]
      : [p.completeBy && `to finish by ${when(p.completeBy)}`, p.acknowledgeBy && `to confirm by ${when(p.acknowledgeBy)}`];
    return (zh() ? `时限调整：${p.party}改为${parts.filter(Boolean).join('，')}` : `Deadline moved: ${p.party} ${parts.filter(Boolean).join(', ')}`)
      + note(p.reason);
  },
  ESCALATED: (p) => `${zh() ? '已升级：' : 'Escalated: '}${escalation(p.party, Number(p.level), p.missed)}`,
  MEETING_CONVENED: (p) => (zh() ? `已召集联合会商（吹哨报到）：${p.parties}与社区书记 ${when(p.startsAt)} 在「${p.place}」会商`
    : `Joint meeting (吹哨报到) convened: ${p.parties.split('、').join(', ')} and the community secretary meet at ${when(p.startsAt)}, ${p.place}`),
  VOLUNTEER_ACCEPTED: () => (zh() ? '一位志愿者接下了这件事' : 'A volunteer took it on'),
  VOLUNTEER_PROGRESSED: (p) => (zh() ? `志愿者报告进展${p.note ? `：${p.note}` : ''}` : `The volunteer reports progress${p.note ? `: ${p.note}` : ''}`),
  VOLUNTEER_UNMATCHED: () => (zh() ? '没有志愿者能及时接手，由社区居委会接办' : 'No volunteer was free in time; the community office takes it on'),
  VOLUNTEER_HANDED_OVER: (p) => (zh() ? `志愿者发现需要${partyTypeName(p.handOverTo)}处理，已转交${note(p.reason)}`
    : `The volunteer handed it over to ${partyTypeName(p.handOverTo)}${note(p.reason)}`),
  TRACK_COMPLETED: (p) => (zh() ? `${t('tracks')[p.track] || p.track}已办结` : `${t('tracks')[p.track] || p.track} done`),
  PATROL: (p) => (zh() ? `巡查发现${p.riskPoint ? `（风险点：${p.riskPoint}）` : ''}${p.duringWarning === 'true' ? '，预警期间' : ''}`
    : `Found on a patrol${p.riskPoint ? ` of risk point ${p.riskPoint}` : ''}${p.duringWarning === 'true' ? ' during a weather warning' : ''}`),
};

/**
 * Where an open request stands against its deadlines, in words; the English explanation when the parts are absent. The
 * page shows it after a label (已超时 / Late, 按时办理中 / On time); in the timeline it says the label itself.
 */
export function standing(d, labelled = false) {
  if (!d.nextDue) return d.explanation;
  const sep = zh() ? '；' : '; ';
  const lead = d.leadKind === 'PARTY' ? (zh() ? `${d.lead}牵头办理。` : `${d.lead} leads the work.`)
    : d.leadKind === 'VOLUNTEER' ? (zh() ? '志愿者在办。' : 'A volunteer is on it.')
      : (zh() ? '社区居委会在办。' : 'The community office is on it.');
  const missed = d.missedSteps.map((s) => (zh() ? `${step(s)}应于 ${when(s.at)} 前完成` : `${step(s)} was due by ${when(s.at)}`));
  const text = [];
  if (d.late) {
    text.push(zh() ? `${labelled ? '已超时' : ''}（自 ${when(d.lateSince)} 起）：${missed.length ? missed.join(sep) : '有单位漏办一步'}。`
      : `${labelled ? 'Late s' : 's'}ince ${when(d.lateSince)}: ${missed.length ? missed.join(sep) : 'a party missed a step'}.`);
  }
  text.push(lead);
  if (d.late && d.escalationParty) {
    text.push(zh() ? `${when(d.escalatedAt)} 已升级：${escalation(d.escalationParty, d.escalationLevel, d.escalationMissed)}。`
      : `Escalated ${when(d.escalatedAt)}: ${escalation(d.escalationParty, d.escalationLevel, d.escalationMissed)}.`);
  }
  if (d.moves.length) {
    const last = d.moves[d.moves.length - 1];
    text.push(zh() ? `时限已调整 ${d.moves.length} 次，最近一次于 ${when(last.at)} 调至 ${when(last.completeBy || last.acknowledgeBy)}${last.reason ? `：${last.reason}` : ''}。`
      : `Deadline moved ${d.moves.length === 1 ? 'once' : `${d.moves.length} times`}, last on ${when(last.at)} to ${when(last.completeBy || last.acknowledgeBy)}${last.reason ? `: ${last.reason}` : ''}.`);
  }
  const passed = d.next && new Date(d.next) < new Date();
  text.push(zh() ? `下一时限：${step(d.nextDue)}，${when(d.next)} 前${passed ? '（已过）' : ''}。`
    : `Next deadline: ${step(d.nextDue)} by ${when(d.next)}${passed ? ' (passed)' : ''}.`);
  return text.join(zh() ? '' : ' ');
}

/** One timeline entry in words; the deadline entry (LATE, NEXT_DEADLINE) is said from the request's deadline parts. */
export function entryText(entry, deadline) {
  if ((entry.kind === 'LATE' || entry.kind === 'NEXT_DEADLINE') && deadline) return standing(deadline, true);
  const words = entry.kind.startsWith('TASK_') && entry.kind !== 'TASK_ASSIGNED'
    ? (p) => `${p.party}${zh() ? '：' : ': '}${taskStatus(p.status)}${note(p.note)}` : WORDS[entry.kind];
  const params = entry.params || {};
  if (!words || Object.keys(params).length === 0 && !['VOLUNTEER_ACCEPTED', 'VOLUNTEER_UNMATCHED'].includes(entry.kind)) {
    return entry.text;
  }
  return words(params);
}
