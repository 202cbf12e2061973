import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import {
  chineseNumber,
  type DocumentBlock,
  formatDocumentDate,
  jointMeetingOfficeOf,
  type OfficialDocument,
} from '../../platform/documents/official-document.js';
import { AppError } from '../../platform/http/errors.js';
import { daysBetween, today } from '../../platform/time.js';
import { getActionItem } from './action-items.service.js';
import { getMeeting } from './meetings.service.js';

/**
 * The joint meeting's paperwork as official documents (issue 19 item 5; platform/documents,
 * decision 0034): the 会议通知 that calls a meeting, the 会议纪要 of a held one and the 督办通知单 that
 * chases an action item. Built from the records the actor may read (the same scoped reads as the
 * pages), never with a person's name: units only, so a printed page carries no personal data.
 */

const ITEM_STATUS_ZH = { open: '未开始', in_progress: '办理中', closed: '已办结' } as const;

const numbered = (items: string[]): DocumentBlock[] =>
  items.map((text, i) => ({ kind: 'paragraph', text: `（${chineseNumber(i + 1)}）${text}` }));

/** 会议通知: time, place, the units called and the agenda; a draft meeting's notice says so. */
export async function describeMeetingNotice(
  db: Db,
  actor: Actor,
  id: number,
  at: Date,
): Promise<OfficialDocument> {
  const meeting = await getMeeting(db, actor, id, at, { withReports: false });
  const office = jointMeetingOfficeOf(meeting.jurisdiction.name);
  const members = meeting.participants.filter((p) => p.role === 'member').map((p) => p.organisationName);
  const guests = meeting.participants.filter((p) => p.role === 'guest').map((p) => p.organisationName);
  const kindZh = meeting.kind === 'regular' ? '例会' : '临时会议';
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `经研究，定于${formatDocumentDate(meeting.plannedOn)}召开${meeting.title}（${kindZh}）。现将有关事项通知如下：`,
    },
    { kind: 'heading', text: '一、会议时间' },
    { kind: 'paragraph', text: formatDocumentDate(meeting.plannedOn) },
    { kind: 'heading', text: '二、会议地点' },
    { kind: 'paragraph', text: meeting.location ?? '另行通知' },
    { kind: 'heading', text: '三、参会单位' },
    { kind: 'paragraph', text: `${members.join('、') || '联席会议各成员单位'}。` },
  ];
  if (guests.length > 0) blocks.push({ kind: 'paragraph', text: `列席单位：${guests.join('、')}。` });
  blocks.push({ kind: 'heading', text: '四、会议议程' });
  blocks.push(
    ...(meeting.agenda.length > 0
      ? numbered(meeting.agenda.map((a) => a.title))
      : [{ kind: 'paragraph' as const, text: '另行通知。' }]),
  );
  blocks.push(
    { kind: 'heading', text: '五、有关要求' },
    {
      kind: 'paragraph',
      text: `请各参会单位确定一名负责同志参会，并于会前将参会人员名单报送${office}；涉及本单位的议题请提前准备书面材料，${meeting.reportYear}年度工作情况请按时在平台报送。`,
    },
  );
  return {
    issuer: office,
    title: `关于召开${meeting.title}的通知${meeting.status === 'draft' ? '（草稿）' : ''}`,
    addressee: members.length > 0 ? '联席会议各成员单位' : undefined,
    blocks,
    signature: office,
    date: today(at),
  };
}

/** 会议纪要 of a held meeting: who attended, the minutes, the agreed matters and the tasks by unit. */
export async function describeMeetingMinutes(
  db: Db,
  actor: Actor,
  id: number,
  at: Date,
): Promise<OfficialDocument> {
  const meeting = await getMeeting(db, actor, id, at, { withReports: false });
  if (meeting.status !== 'held' && meeting.status !== 'minutes_approved')
    throw new AppError(409, 'meeting.not_held', { status: meeting.status });
  const office = jointMeetingOfficeOf(meeting.jurisdiction.name);
  const unitsOf = (attendance: 'present' | 'absent' | 'invited') =>
    meeting.participants.filter((p) => p.attendance === attendance).map((p) => p.organisationName);
  const present = unitsOf('present');
  const absent = unitsOf('absent');
  const heldOn = meeting.heldOn ?? meeting.plannedOn;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `${formatDocumentDate(heldOn)}，${meeting.jurisdiction.name}工伤预防工作联席会议${meeting.location ? `在${meeting.location}` : ''}召开${meeting.title}。${present.length > 0 ? `出席单位：${present.join('、')}。` : ''}${absent.length > 0 ? `缺席单位：${absent.join('、')}。` : ''}`,
    },
    { kind: 'heading', text: '一、会议情况' },
    ...(meeting.minutes ?? '（未记录）')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'heading', text: '二、议定事项' },
    ...(meeting.decisions.length > 0
      ? numbered(meeting.decisions)
      : [{ kind: 'paragraph' as const, text: '无。' }]),
    { kind: 'heading', text: '三、任务分工' },
  ];
  if (meeting.actionItems.length > 0)
    blocks.push({
      kind: 'table',
      header: ['序号', '事项', '责任单位', '完成时限'],
      rows: meeting.actionItems.map((item, i) => [
        i + 1,
        item.title,
        item.organisationName,
        formatDocumentDate(item.deadline),
      ]),
    });
  else blocks.push({ kind: 'paragraph', text: '无。' });
  return {
    issuer: office,
    title: `${meeting.title}纪要${meeting.status === 'minutes_approved' ? '' : '（待审定）'}`,
    blocks,
    signature: office,
    date: heldOn,
    copyTo: '联席会议各成员单位',
  };
}

/**
 * 督办通知单 of an action item, to the unit that holds it: the item, where it came from, its
 * deadline, how far it is and what is asked — by the deadline, or within five days once overdue.
 */
export async function describeChaseNotice(
  db: Db,
  actor: Actor,
  id: number,
  at: Date,
): Promise<OfficialDocument> {
  const item = await getActionItem(db, actor, id, at);
  const office = jointMeetingOfficeOf(item.jurisdictionName);
  const date = today(at);
  const overdueDays = item.isOverdue ? daysBetween(item.deadline, date) : 0;
  const blocks: DocumentBlock[] = [
    {
      kind: 'table',
      rows: [
        ['督办事项', item.title],
        ['事项内容', item.description ?? '—'],
        ['来源', item.meetingTitle],
        ['责任单位', item.organisationName],
        ['完成时限', formatDocumentDate(item.deadline)],
        [
          '办理状态',
          item.isOverdue
            ? `${ITEM_STATUS_ZH[item.status]}（已逾期${overdueDays}天）`
            : ITEM_STATUS_ZH[item.status],
        ],
      ],
    },
  ];
  const progress = item.followUps.filter((f) => f.kind === 'progress').slice(-3);
  if (progress.length > 0) {
    blocks.push({ kind: 'heading', text: '最近报送的进展' });
    blocks.push({
      kind: 'table',
      header: ['日期', '进展'],
      rows: progress.map((f) => [formatDocumentDate(today(new Date(f.createdAt))), f.note]),
    });
  }
  blocks.push({
    kind: 'paragraph',
    text:
      item.status === 'closed'
        ? '该事项已办结，本通知单仅作存档。'
        : item.isOverdue
          ? `该事项已超过完成时限${overdueDays}天。请你单位高度重视，自收到本通知之日起5个工作日内办结，并将办理情况在平台报送、书面反馈${office}。`
          : `请你单位按照完成时限抓好落实，于${formatDocumentDate(item.deadline)}前办结，并将办理情况在平台报送、书面反馈${office}。`,
  });
  return {
    issuer: office,
    title: '督办通知单',
    addressee: item.organisationName,
    blocks,
    signature: office,
    date,
  };
}
