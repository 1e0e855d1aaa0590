// Every word the console shows, in Chinese and English; the choice is remembered in localStorage.

const CATEGORIES = {
  'water-leak': ['漏水', 'Water leak'], noise: ['噪音扰民', 'Noise'], 'broken-handrail': ['楼梯扶手损坏', 'Broken handrail'],
  'old-wiring': ['老旧电线', 'Old wiring'], 'blocked-drain': ['下水道堵塞', 'Blocked drain'], 'lift-fault': ['电梯故障', 'Lift fault'],
  parking: ['停车难', 'Parking'], 'corridor-clutter': ['楼道堆物', 'Corridor clutter'], 'shopping-help': ['代买代购', 'Shopping help'],
  'paperwork-help': ['代办事务', 'Paperwork help'], 'appliance-repair': ['小家电维修', 'Appliance repair'],
  'safety-risk': ['安全隐患', 'Safety risk'], 'neighbour-dispute': ['邻里纠纷', 'Neighbour dispute'], suggestion: ['意见建议', 'Suggestion'],
};
const WARNING_TYPES = { rainstorm: ['暴雨', 'rainstorm'], wind: ['大风', 'wind'], snow: ['暴雪', 'snow'], heat: ['高温', 'heat'] };
/** The kinds of alliance party (an organisation's type), as the field pages and the timeline name them. */
const PARTY_TYPES = {
  COMMUNITY_OFFICE: ['社区居委会', 'Community office'], POLICE: ['社区民警', 'Community police'],
  PROPERTY_MANAGEMENT: ['物业', 'Property management'], UTILITY: ['公用事业单位', 'Utility'],
  AREA_UNIT: ['驻区单位', 'Unit in the area'], SOCIAL_ORGANISATION: ['社会组织', 'Social organisation'],
};
const LEVELS = { blue: ['蓝色', 'Blue'], yellow: ['黄色', 'Yellow'], orange: ['橙色', 'Orange'], red: ['红色', 'Red'] };

export const lang = { current: localStorage.getItem('gongzhi.lang') || 'zh-CN' };
const zh = () => lang.current !== 'en';
const pick = (pair, fallback) => (pair ? pair[zh() ? 0 : 1] : fallback);

export function setLanguage(next) {
  lang.current = next;
  localStorage.setItem('gongzhi.lang', next);
}

/** Catalogue names learnt from request-service override the built-in ones. */
export function learnCategories(list) {
  list.forEach((c) => { CATEGORIES[c.code] = [c.nameZh, c.nameEn]; });
}
export const categoryCodes = () => Object.keys(CATEGORIES);
export const categoryName = (code) => pick(CATEGORIES[code], code);
export const warningTypeName = (type) => pick(WARNING_TYPES[String(type).toLowerCase()], type);
export const partyTypeName = (kind) => pick(PARTY_TYPES[kind], kind);
export const levelName = (level) => pick(LEVELS[String(level).toLowerCase()], level);
export const warningTypes = () => Object.keys(WARNING_TYPES);
export const levels = () => Object.keys(LEVELS);

/**
 * Every time on the console is the community's local time (Beijing, no daylight saving), whatever the browser's zone:
 * the texts the services write (why a request is late, the timeline) use it too, and a dispatcher working from a
 * laptop set to another zone must read the same 14:00 as the resident on the phone.
 */
export const ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';
export const when = (iso) => (iso ? new Date(iso).toLocaleString(lang.current,
  { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: ZONE }) : '');
export const clock = (iso) => new Date(iso || Date.now()).toLocaleTimeString(lang.current,
  { hour: '2-digit', minute: '2-digit', timeZone: ZONE });
/** A datetime-local field's value, read as the community's local time, as an ISO instant (null when empty). */
export const instantOfLocal = (value) => (value ? new Date(`${value.length === 16 ? `${value}:00` : value}${OFFSET}`)
  .toISOString() : null);
/** The value a datetime-local field shows for an instant, in the community's local time. */
export const localOfInstant = (date) => new Date(date.getTime() + 8 * 3600000).toISOString().slice(0, 16);
export const place = (building, unit) => (building
  ? (zh() ? `${building}号楼${unit ? `${unit}单元` : ''}` : `${building}${unit ? `-${unit}` : ''}`) : '');

/** A meeting's parties, by name where the event names them (events from before it did carry ids only). */
const partyNames = (data) => (data.parties || []).map((id) => (data.partyNames || {})[id] || id);

const TEXT = {
  'zh-CN': {
    title: '共治 · 社区调度台', connecting: '连接中…', live: '实时', offline: '已断开，正在重连…',
    tokenLabel: '工作人员令牌', signIn: '进入', tokenHint: '本地运行：./gongzhi token --role worker',
    navBoard: '调度台', navIntake: '代为登记', navVisits: '回访', navWarnings: '预警', switchTo: 'English',
    map: '小区地图', mapHint: '点击楼栋筛选', showAll: '显示全部', open: '未办结诉求', category: '类别',
    building: '楼栋', status: '状态', lead: '牵头单位', deadline: '办理时限', feed: '实时动态',
    overdue: (span) => `已超时 ${span}`, left: (span) => `剩余 ${span}`, bldg: '号楼', openRequest: '打开',
    days: (d, h) => `${d}天${h}小时`, hours: (h, m) => `${h}小时${m}分`, minutes: (m) => `${m}分钟`,
    rates: '三率', today: '今日', week: '本周', month: '本月', response: '响应率', resolution: '解决率',
    satisfaction: '满意率', trend: '近 14 天趋势（蓝：响应率，绿：解决率，橙：满意率）', workload: '联盟工作量',
    party: '成员单位', openTasks: '在办', overdueTasks: '超时',
    volunteers: (v) => `志愿者：待回应邀约 ${v.openOffers}，进行中 ${v.inProgress}，已完成 ${v.completed}`,
    patrols: (p) => (p.patrols ? `巡查：${p.completed}/${p.patrols} 已完成，检查点 ${p.checkpointsDone}/${p.checkpointsTotal}，发现问题 ${p.problemsFound} 处` : '巡查：尚无上报'),
    hall: '议事厅', topics: '待议议题', votes: '表决进行中', decisions: '决议落实', question: '表决事项', closes: '截止',
    eligible: '可投票户数', voting: '表决中', none: '暂无', moved: '（已调整）',
    range: (from, to, total) => `显示第 ${from}–${to} 条，共 ${total} 条`, previous: '上一页', next: '下一页',
    unseen: (n) => `另有 ${n} 条新诉求不在本页`,
    topic: (x) => `${x.title || x.id}${x.buildings.length ? `（${x.buildings.join('、')}号楼）` : ''}`,
    decision: (d) => `${d.title || d.topicId}：${d.percentDone === null ? '尚无行动项' : `行动项完成 ${d.actionItemsDone}/${d.actionItemsTotal}`}`,
    warning: (w) => `${warningTypeName(w.type)}${levelName(w.level)}预警生效中，至 ${when(w.until)}`,
    statuses: { SUBMITTED: '已受理', ACKNOWLEDGED: '已响应', ASSIGNED: '已派单', IN_PROGRESS: '办理中', RESOLVED: '已解决',
      CLOSED: '已办结', REOPENED: '重新办理', IN_DELIBERATION: '议事中', WITHDRAWN: '已撤回', REJECTED: '不予受理',
      MERGED: '已合并' },
    taskStatuses: { ASSIGNED: '待接单', ACKNOWLEDGED: '已接单', IN_PROGRESS: '处理中', COMPLETED: '已完成',
      DECLINED: '已拒绝', CANCELLED: '已取消' },
    offerStatuses: { OFFERED: '待回应', ACCEPTED: '已接受', DECLINED: '已婉拒', EXPIRED: '已过期', COMPLETED: '已完成',
      HANDED_OVER: '已转交', CANCELLED: '已取消', WITHDRAWN: '已撤回', MISSED: '未完成' },
    roles: { LEAD: '牵头', SUPPORT: '协办' },
    urgencies: { URGENT: '紧急', HIGH: '高', NORMAL: '一般', LOW: '低' },
    channels: { app: '居民自助', phone: '电话', 'walk-in': '来访', rounds: '走访（走出去）', 'hotline-12345': '12345 热线' },
    tracks: { ALLIANCE: '联盟派单', VOLUNTEERS: '志愿者', DELIBERATION: '议事厅' },
    // the live feed, as a worker would say it
    feedLine: {
      'request.submitted': () => '新诉求',
      'request.status-changed': (l) => (TEXT['zh-CN'].statuses[l.data.to] || l.data.to),
      'request.reopened': () => '重新办理',
      'request.followed-up': (l) => `回访：${l.data.solved ? '已解决' : '未解决'}，${l.data.satisfied ? '满意' : '不满意'}`,
      'task.assigned': (l) => `派给 ${l.party}（${TEXT['zh-CN'].roles[l.data.role] || l.data.role}）`,
      'task.status-changed': (l) => `${l.party} ${TEXT['zh-CN'].taskStatuses[l.data.status] || l.data.status}`,
      'task.escalated': (l) => `${l.party} 超时，已升级（第 ${l.data.level} 级）`,
      'task.deadline-changed': (l) => `${l.party} 时限调整`,
      'meeting.convened': (l) => `吹哨报到：${partyNames(l.data).join('、')}与社区书记于 ${when(l.data.startsAt)} 在「${l.data.place}」联合会商`,
      'volunteer.offered': () => '已邀请志愿者', 'volunteer.accepted': () => '志愿者已接受',
      'volunteer.completed': () => '志愿者已完成', 'volunteer.unmatched': () => '暂无志愿者，转联盟',
      'volunteer.progressed': () => '志愿者报告进展', 'volunteer.handed-over': () => '志愿者已转交',
      'warning.issued': (l) => `发布${warningTypeName(l.data.type)}${levelName(l.data.level)}预警`,
      'warning.lifted': () => '预警解除', 'patrol.checked': () => '巡查上报', 'patrol.problem-found': () => '巡查发现问题',
      'topic.opened': (l) => `新议题：${l.data.title || ''}`, 'vote.opened': () => '表决开始', 'vote.closed': () => '表决结束',
      'decision.made': () => '形成决议', 'decision.progressed': () => '决议落实进展',
      'estate.building.registered': (l) => `楼栋登记：${l.data.name || l.data.code}`,
      'estate.building.removed': (l) => `楼栋移除：${l.data.code}`,
    },
    // the detail view
    detail: '诉求详情', close: '关闭', description: '描述', urgency: '紧急程度', channel: '来源', hotlineTicket: '12345 工单',
    late: '已超时', onTime: '按时', timeline: '时间线', tasks: '各单位任务', acknowledgeBy: '接单时限', completeBy: '完成时限',
    escalation: '升级', escalationLevel: (n) => (n ? `第 ${n} 级` : '未升级'), offers: '志愿者邀约', noOffers: '无志愿者匹配',
    notes: '内部备注', noNotes: '暂无备注', duplicates: '可能重复的诉求', noDuplicates: '未发现可能重复的诉求',
    phone: '居民电话', showPhone: '查看电话', auditReason: '查看原因（记入审计）', phoneIs: (p) => `电话：${p || '未留'}`,
    actions: '操作', acknowledge: '响应', merge: '合并到', mergeInto: '合并到此诉求', unmerge: '撤销合并（仅限当天）', mergeTarget: '主诉求编号',
    triage: '重新分类', tracksAdd: '增加办理渠道', tracksRemove: '去掉办理渠道', save: '保存', reject: '不予受理', reason: '原因',
    toHall: '提交议事厅', topicTitle: '议题标题', reassign: '改派', organisation: '成员单位', moveDeadline: '调整时限',
    addResponder: '增加协办单位', role: '角色', addNote: '添加备注', note: '备注', submit: '提交', done: '已完成',
    internal: '内部', duplicateOf: (id) => `疑似重复：${id.slice(0, 8)}`, sideBySide: '并排对比', thisOne: '本诉求',
    // intake
    intakeTitle: '代居民登记诉求', contactPhone: '联系电话', unit: '单元', household: '户', placeLabel: '位置',
    hotlineDeadline: '12345 办结时限', file: '登记', filed: '已登记', suggestions: '同楼栋同类未办结诉求（可能重复）',
    noSuggestions: '暂无相似诉求',
    // return visits
    visitsTitle: '待回访', resolvedAt: '解决时间', dueAt: '回访期限', record: '记录回访', method: '方式',
    methods: { phone: '电话', door: '上门' }, solved: '问题解决了吗？', satisfied: '居民满意吗？', yes: '是', no: '否',
    comment: '回访记录', noneDue: '暂无待回访',
    // warnings
    warningsTitle: '气象预警', issue: '发布预警', type: '类型', level: '级别', from: '开始', until: '结束',
    lift: '解除', lifted: '已解除', riskPoint: '风险点', checkpoints: '检查点', problems: '问题',
    patrolStatuses: { ASSIGNED: '待巡查', IN_PROGRESS: '巡查中', DONE: '已完成', PROBLEMS_FOUND: '发现问题', CANCELLED: '已取消' },
    noWarnings: '无生效预警', failed: '操作未成功',
  },
  en: {
    title: 'Gongzhi · community dispatch', connecting: 'Connecting…', live: 'Live', offline: 'Disconnected, reconnecting…',
    tokenLabel: 'Worker token', signIn: 'Open', tokenHint: 'Local run: ./gongzhi token --role worker',
    navBoard: 'Board', navIntake: 'Intake', navVisits: 'Return visits', navWarnings: 'Warnings', switchTo: '中文',
    map: 'Estate map', mapHint: 'Click a building to filter', showAll: 'Show all', open: 'Open requests',
    category: 'Category', building: 'Building', status: 'Status', lead: 'Lead party', deadline: 'Deadline',
    feed: 'Live events', overdue: (span) => `${span} overdue`, left: (span) => `${span} left`, bldg: '',
    openRequest: 'Open', days: (d, h) => `${d}d ${h}h`,
    hours: (h, m) => `${h}h ${m}m`, minutes: (m) => `${m}m`,
    rates: 'The three rates', today: 'Today', week: 'This week', month: 'This month', response: 'Response',
    resolution: 'Resolution', satisfaction: 'Satisfaction',
    trend: 'Last 14 days (blue: response, green: resolution, orange: satisfaction)', workload: 'Alliance workload',
    party: 'Party', openTasks: 'Open', overdueTasks: 'Overdue',
    volunteers: (v) => `Volunteers: ${v.openOffers} offers waiting, ${v.inProgress} in progress, ${v.completed} done`,
    patrols: (p) => (p.patrols ? `Patrols: ${p.completed} of ${p.patrols} complete, checkpoints ${p.checkpointsDone}/${p.checkpointsTotal}, ${p.problemsFound} problems found` : 'Patrols: none reported yet'),
    hall: 'Deliberation hall', topics: 'Open topics', votes: 'Votes in progress', decisions: 'Decisions in progress',
    question: 'Question', closes: 'Closes', eligible: 'Eligible households', voting: 'voting', none: 'None',
    moved: ' (moved)', range: (from, to, total) => `Showing ${from}–${to} of ${total}`, previous: 'Previous',
    next: 'Next', unseen: (n) => `${n} new ${n === 1 ? 'request is' : 'requests are'} not on this page`,
    topic: (x) => `${x.title || x.id}${x.buildings.length ? ` (buildings ${x.buildings.join(', ')})` : ''}`,
    decision: (d) => `${d.title || d.topicId}: ${d.percentDone === null ? 'no action items yet' : `${d.actionItemsDone} of ${d.actionItemsTotal} action items done`}`,
    warning: (w) => `${levelName(w.level)} ${warningTypeName(w.type)} warning in force until ${when(w.until)}`,
    statuses: { SUBMITTED: 'Submitted', ACKNOWLEDGED: 'Acknowledged', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress',
      RESOLVED: 'Resolved', CLOSED: 'Closed', REOPENED: 'Reopened', IN_DELIBERATION: 'In deliberation',
      WITHDRAWN: 'Withdrawn', REJECTED: 'Rejected', MERGED: 'Merged' },
    taskStatuses: { ASSIGNED: 'to confirm', ACKNOWLEDGED: 'took it', IN_PROGRESS: 'working', COMPLETED: 'done',
      DECLINED: 'declined', CANCELLED: 'cancelled' },
    offerStatuses: { OFFERED: 'waiting', ACCEPTED: 'accepted', DECLINED: 'declined', EXPIRED: 'expired',
      COMPLETED: 'done', HANDED_OVER: 'handed over', CANCELLED: 'cancelled', WITHDRAWN: 'withdrawn', MISSED: 'missed' },
    roles: { LEAD: 'lead', SUPPORT: 'support' },
    urgencies: { URGENT: 'Urgent', HIGH: 'High', NORMAL: 'Normal', LOW: 'Low' },
    channels: { app: 'Resident app', phone: 'Phone call', 'walk-in': 'Walk-in', rounds: 'Daily rounds',
      'hotline-12345': '12345 hotline' },
    tracks: { ALLIANCE: 'Alliance', VOLUNTEERS: 'Volunteers', DELIBERATION: 'Deliberation hall' },
    feedLine: {
      'request.submitted': () => 'new request',
      'request.status-changed': (l) => (TEXT.en.statuses[l.data.to] || l.data.to).toLowerCase(),
      'request.reopened': () => 'reopened',
      'request.followed-up': (l) => `return visit: ${l.data.solved ? 'solved' : 'not solved'}, ${l.data.satisfied ? 'satisfied' : 'not satisfied'}`,
      'task.assigned': (l) => `sent to ${l.party} (${TEXT.en.roles[l.data.role] || l.data.role})`,
      'task.status-changed': (l) => `${l.party} ${TEXT.en.taskStatuses[l.data.status] || l.data.status}`,
      'task.escalated': (l) => `${l.party} late, escalated (step ${l.data.level})`,
      'task.deadline-changed': (l) => `${l.party}'s deadline moved`,
      'meeting.convened': (l) => `whistle: joint meeting of ${partyNames(l.data).join(', ')} and the community secretary, ${when(l.data.startsAt)}, ${l.data.place}`,
      'volunteer.offered': () => 'volunteer asked', 'volunteer.accepted': () => 'volunteer accepted',
      'volunteer.completed': () => 'volunteer done', 'volunteer.unmatched': () => 'no volunteer: back to the alliance',
      'volunteer.progressed': () => 'volunteer reported progress', 'volunteer.handed-over': () => 'volunteer handed over',
      'warning.issued': (l) => `${levelName(l.data.level)} ${warningTypeName(l.data.type)} warning issued`,
      'warning.lifted': () => 'warning lifted', 'patrol.checked': () => 'patrol reported',
      'patrol.problem-found': () => 'patrol found a problem', 'topic.opened': (l) => `new topic: ${l.data.title || ''}`,
      'vote.opened': () => 'vote opened', 'vote.closed': () => 'vote closed', 'decision.made': () => 'decision made',
      'decision.progressed': () => 'decision progressed',
      'estate.building.registered': (l) => `building ${l.data.code} registered`,
      'estate.building.removed': (l) => `building ${l.data.code} removed`,
    },
    detail: 'Request', close: 'Close', description: 'Description', urgency: 'Urgency', channel: 'Channel',
    hotlineTicket: '12345 ticket', late: 'Late', onTime: 'On time', timeline: 'Timeline', tasks: 'Tasks per party',
    acknowledgeBy: 'Confirm by', completeBy: 'Finish by', escalation: 'Escalation',
    escalationLevel: (n) => (n ? `step ${n}` : 'none'), offers: 'Volunteer offers', noOffers: 'No volunteer matching',
    notes: 'Internal notes', noNotes: 'No notes yet', duplicates: 'Possible duplicates',
    noDuplicates: 'No possible duplicates found', phone: "Resident's phone", showPhone: 'Show phone',
    auditReason: 'Why (recorded in the audit log)', phoneIs: (p) => `Phone: ${p || 'none given'}`,
    actions: 'Actions', acknowledge: 'Acknowledge', merge: 'Merge into', mergeInto: 'Merge into this one', unmerge: 'Undo the merge (same day only)',
    mergeTarget: 'Master request id', triage: 'Re-categorise', tracksAdd: 'Add tracks', tracksRemove: 'Remove tracks',
    save: 'Save', reject: 'Reject', reason: 'Reason', toHall: 'Send to the deliberation hall', topicTitle: 'Topic title',
    reassign: 'Reassign', organisation: 'Party', moveDeadline: 'Move deadline', addResponder: 'Add a responder',
    role: 'Role', addNote: 'Add note', note: 'Note', submit: 'Submit', done: 'Done', internal: 'internal',
    duplicateOf: (id) => `possible duplicate: ${id.slice(0, 8)}`, sideBySide: 'Side by side', thisOne: 'This request',
    intakeTitle: "File a request on a resident's behalf", contactPhone: 'Phone', unit: 'Unit', household: 'Household',
    placeLabel: 'Place', hotlineDeadline: '12345 official deadline', file: 'File', filed: 'Filed',
    suggestions: 'Open requests of the same building and category (possible duplicates)', noSuggestions: 'None alike',
    visitsTitle: 'Return visits due', resolvedAt: 'Resolved', dueAt: 'Due', record: 'Record visit', method: 'Method',
    methods: { phone: 'Phone', door: 'At the door' }, solved: 'Solved?', satisfied: 'Satisfied?', yes: 'Yes', no: 'No',
    comment: 'Comment', noneDue: 'No return visits due',
    warningsTitle: 'Weather warnings', issue: 'Issue a warning', type: 'Type', level: 'Level', from: 'From',
    until: 'Until', lift: 'Lift', lifted: 'Lifted', riskPoint: 'Risk point', checkpoints: 'Checkpoints',
    problems: 'Problems',
    patrolStatuses: { ASSIGNED: 'not started', IN_PROGRESS: 'under way', DONE: 'done', PROBLEMS_FOUND: 'problems found',
      CANCELLED: 'cancelled' },
    noWarnings: 'No warning in force', failed: 'Not done',
  },
};

export const t = (key) => TEXT[lang.current][key];

/** A field page's own words, added to the console's (which it may use too): {'zh-CN': {…}, en: {…}}. */
export function learnWords(words) {
  Object.assign(TEXT['zh-CN'], words['zh-CN']);
  Object.assign(TEXT.en, words.en);
}

/** Every element with data-i18n shows the word of the page's language. */
export function translatePage() {
  document.documentElement.lang = lang.current;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.title = t('title');
}
