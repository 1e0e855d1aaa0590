// The words of the field pages (partner, volunteer), zh-CN and English; the language is the console's (i18n.js).
import { lang } from '../console/i18n.js';

const TEXT = {
  'zh-CN': {
    switchTo: 'English', signIn: '进入', tokenLabel: '令牌', live: '实时', offline: '已断开，正在重连…', loading: '加载中…',
    partnerTitle: '共治 · 合作单位', partnerTokenHint: '本地运行：./gongzhi token --role partner --org property',
    volunteerTitle: '共治 · 志愿者', volunteerTokenHint: '本地运行：./gongzhi token --role volunteer --volunteer v6070-01',
    myTasks: '本单位在办任务', noTasks: '暂无在办任务', communities: '社区', allCommunities: '全部社区', lead: '牵头', support: '协办',
    ackBy: '响应时限', completeBy: '办结时限', overdue: '已超时', escalated: (n) => `已升级（第 ${n} 级）`,
    acknowledge: '响应', progress: '报告进展', complete: '办结', decline: '退回', note: '说明', reason: '原因',
    send: '提交', details: '详情', description: '描述', phone: '居民电话', readPhone: '查看电话',
    phoneReason: '查看原因（将记录在案）', phoneAudited: '此次查看已记录', place: '地点',
    statuses: { ASSIGNED: '待响应', ACKNOWLEDGED: '已响应', IN_PROGRESS: '办理中', COMPLETED: '已办结', DECLINED: '已退回',
      CANCELLED: '已取消', OFFERED: '待回应', ACCEPTED: '进行中', HANDED_OVER: '已转交', EXPIRED: '已过期', MISSED: '未完成' },
    myPatrols: '预警巡查', noPatrols: '暂无巡查任务', checkpoint: '检查点', ok: '正常', problem: '发现问题',
    result: '结果', category: '问题类别', report: '上报', reported: '已上报',
    patrolStatus: (p) => `已查 ${p.checkpointsDone}/${p.checkpointsTotal}，问题 ${p.problemsFound}`,
    myOffers: '邀约', noOffers: '暂无邀约', why: '为什么是我', byWhen: '完成时限', answerBy: '请在此前回复',
    accept: '接受', declineOffer: '婉拒', myJobs: '我的服务', noJobs: '暂无进行中的服务', hours: '时长（小时）',
    handOver: '转交专业人员', handOverTo: '转交给', doneJobs: '已完成', myHours: '我的服务时长',
    totalHours: (h) => `累计 ${h.total} 小时，${h.tasks} 次服务`, activities: '志愿活动', noActivities: '暂无活动',
    signUp: '报名', signedUp: '已报名', capacity: (a) => `已报名 ${a.signedUp}/${a.capacity}`,
    visits: '预警探访', noVisits: '暂无探访', visit: '探访独居老人等重点户', waitingDetails: '等待确认…',
    unit: '单元', household: '户', starts: '开始',
    skills: { 'appliance-repair': '小家电维修', errands: '跑腿代办', escort: '陪同', paperwork: '代办手续', 'clean-up': '清洁整理',
      watch: '值守巡查', tutoring: '辅导', 'first-aid': '急救', translation: '翻译' },
    anyone: '人人可做', freeNow: '现在有空', freeFrom: (day, time) => `${day} ${time} 起有空`, notFree: '时限前没有空闲时段',
    steps: (n) => `离家 ${n} 步`, offGrid: '楼栋不在网格上', tasksThisWeek: (n) => `近一周已服务 ${n} 次`,
    streetTitle: '共治 · 街道视图', streetTokenHint: '本地运行：./gongzhi token --role subdistrict --subdistrict hepingli-subdistrict',
    communities: '各社区', community: '社区', openRequests: '未办结', lateRequests: '超时', escalatedRequests: '已升级',
    response: '响应率', resolution: '解决率', satisfaction: '满意率', rank: (n) => `第${n}名`,
    vsLastWeek: (d) => `较上周${d > 0 ? '↑' : d < 0 ? '↓' : '→'}${Math.abs(Math.round(d * 100))}`,
    noRate: '—', noCommunities: '本街道还没有登记社区', warningsInForce: '预警与巡查', noWarnings: '各社区暂无预警',
    patrolProgress: (p) => (p.patrols ? `巡查 ${p.completed}/${p.patrols} 已完成，检查点 ${p.checkpointsDone}/${p.checkpointsTotal}，问题 ${p.problemsFound} 处` : '尚无巡查上报'),
    parties: '成员单位（跨社区）', party: '成员单位', openTasks: '在办', lateTasks: '超时', doneTasks: '已办结', perCommunity: '各社区（在办/超时/已办结）',
    noParties: '暂无任务', updated: (t) => `${t} 更新`, rateHelp: '本周比率；排名与较上周变化（百分点）',
    warningTypes: { RAINSTORM: '暴雨', WIND: '大风', SNOW: '暴雪', HEAT: '高温' },
    warningLevels: { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' },
  },
  en: {
    switchTo: '中文', signIn: 'Sign in', tokenLabel: 'Token', live: 'Live', offline: 'Disconnected, reconnecting…', loading: 'Loading…',
    partnerTitle: 'Gongzhi · Partner', partnerTokenHint: 'Local run: ./gongzhi token --role partner --org property',
    volunteerTitle: 'Gongzhi · Volunteer', volunteerTokenHint: 'Local run: ./gongzhi token --role volunteer --volunteer v6070-01',
    myTasks: 'Our open tasks', noTasks: 'No open task', communities: 'Communities',
    allCommunities: 'All communities', lead: 'Lead', support: 'Support',
    ackBy: 'Acknowledge by', completeBy: 'Complete by', overdue: 'Overdue', escalated: (n) => `Escalated (step ${n})`,
    acknowledge: 'Acknowledge', progress: 'Report progress', complete: 'Complete', decline: 'Decline', note: 'Note', reason: 'Reason',
    send: 'Send', details: 'Details', description: 'Description', phone: "Resident's phone", readPhone: 'Show phone',
    phoneReason: 'Why you need it (recorded)', phoneAudited: 'This read is recorded', place: 'Place',
    statuses: { ASSIGNED: 'To acknowledge', ACKNOWLEDGED: 'Acknowledged', IN_PROGRESS: 'In progress', COMPLETED: 'Completed',
      DECLINED: 'Declined', CANCELLED: 'Cancelled', OFFERED: 'Waiting for you', ACCEPTED: 'On it', HANDED_OVER: 'Handed over',
      EXPIRED: 'Expired', MISSED: 'Missed' },
    myPatrols: 'Warning patrols', noPatrols: 'No patrol', checkpoint: 'Checkpoint', ok: 'OK', problem: 'Problem found',
    result: 'Result', category: 'Category', report: 'Report', reported: 'Reported',
    patrolStatus: (p) => `${p.checkpointsDone}/${p.checkpointsTotal} checked, ${p.problemsFound} problem(s)`,
    myOffers: 'Offers', noOffers: 'No offer', why: 'Why me', byWhen: 'Done by', answerBy: 'Answer by',
    accept: 'Accept', declineOffer: 'Decline', myJobs: 'My jobs', noJobs: 'No job in hand', hours: 'Hours',
    handOver: 'Hand over to a professional', handOverTo: 'Hand over to', doneJobs: 'Done', myHours: 'My hours',
    totalHours: (h) => `${h.total} hours in all, ${h.tasks} job(s)`, activities: 'Activities', noActivities: 'No activity',
    signUp: 'Sign up', signedUp: 'Signed up', capacity: (a) => `${a.signedUp}/${a.capacity} signed up`,
    visits: 'Check-on-neighbour visits', noVisits: 'No visit', visit: 'Check on a household at risk', waitingDetails: 'Waiting for confirmation…',
    unit: 'Unit', household: 'Household', starts: 'Starts',
    skills: { 'appliance-repair': 'appliance repair', errands: 'errands', escort: 'escort', paperwork: 'paperwork',
      'clean-up': 'clean-up', watch: 'watch', tutoring: 'tutoring', 'first-aid': 'first aid', translation: 'translation' },
    anyone: 'anyone can do it', freeNow: 'free now', freeFrom: (day, time) => `free from ${day} ${time}`,
    notFree: 'not free before the deadline', steps: (n) => `${n} step${n === 1 ? '' : 's'} from home`,
    offGrid: 'building not on the grid', tasksThisWeek: (n) => `${n} job${n === 1 ? '' : 's'} in the last week`,
    streetTitle: 'Gongzhi · Sub-district view', streetTokenHint: 'Local run: ./gongzhi token --role subdistrict --subdistrict hepingli-subdistrict',
    communities: 'Communities', community: 'Community', openRequests: 'Open', lateRequests: 'Late', escalatedRequests: 'Escalated',
    response: 'Response', resolution: 'Resolution', satisfaction: 'Satisfaction', rank: (n) => `#${n}`,
    vsLastWeek: (d) => `${d > 0 ? '↑' : d < 0 ? '↓' : '→'}${Math.abs(Math.round(d * 100))} vs last week`,
    noRate: '—', noCommunities: 'No community of this sub-district is registered yet', warningsInForce: 'Warnings and patrols',
    noWarnings: 'No warning in any community',
    patrolProgress: (p) => (p.patrols ? `patrols ${p.completed}/${p.patrols} done, checkpoints ${p.checkpointsDone}/${p.checkpointsTotal}, ${p.problemsFound} problem(s)` : 'no patrol has reported yet'),
    parties: 'Parties across communities', party: 'Party', openTasks: 'Open', lateTasks: 'Late', doneTasks: 'Done', perCommunity: 'Per community (open/late/done)',
    noParties: 'No task yet', updated: (t) => `updated ${t}`, rateHelp: "This week's rate; rank and change on last week (points)",
    warningTypes: { RAINSTORM: 'Rainstorm', WIND: 'Wind', SNOW: 'Snow', HEAT: 'Heat' },
    warningLevels: { BLUE: 'blue', YELLOW: 'yellow', ORANGE: 'orange', RED: 'red' },
  },
};

export const w = (key) => TEXT[lang.current === 'en' ? 'en' : 'zh-CN'][key];

/**
 * Why a volunteer was asked, in the reader's language, from the offer's parts (skill, free when, steps from home, jobs
 * in the last week); an offer made before the parts were kept shows its reason as recorded.
 */
export function because(offer) {
  const why = offer.why;
  if (!why) return offer.reason;
  const zh = lang.current !== 'en';
  const free = why.freeNow ? w('freeNow') : why.freeFrom
    ? w('freeFrom')(new Date(why.freeFrom).toLocaleDateString(lang.current, { weekday: 'short' }), why.freeFrom.slice(11, 16))
    : w('notFree');
  return [why.skill ? (w('skills')[why.skill] || why.skill) : w('anyone'), free,
    why.steps === null || why.steps === undefined ? w('offGrid') : w('steps')(why.steps),
    w('tasksThisWeek')(why.tasksThisWeek)].join(zh ? '；' : '; ');
}

/** Building, unit and household in words: 5号楼2单元201室 / 5-2-201. */
export function address(building, unit, household, place) {
  const zh = lang.current !== 'en';
  const parts = zh
    ? [building && `${building}号楼`, unit && `${unit}单元`, household && `${household}室`].filter(Boolean).join('')
    : [building, unit, household].filter(Boolean).join('-');
  return [parts && (zh ? parts : `Bldg ${parts}`), place].filter(Boolean).join(zh ? '，' : ', ');
}
