import { z } from 'zod';
import { ZJurisdictionCode } from '../jurisdictions/jurisdictions.schema.js';

const ZIsoDate = z.iso.date().describe('Date, YYYY-MM-DD');
const ZId = z.coerce.number().int().positive();
export const ZIdParams = z.object({ id: ZId.describe('Record id') });
const ZYear = z.coerce.number().int().min(2000).max(2100).describe('Calendar year');
const ZReason = z.string().trim().max(500).optional().describe('Why (kept in the audit trail)');
const ZNote = z.string().trim().min(2).max(2000);

export const ZAgendaPaper = z
  .object({
    source: z.string().describe('The module and object it came from, e.g. rates.simulation:12'),
    link: z.string().describe('Where the source is in the web app'),
    rows: z.array(z.object({ labelZh: z.string(), labelEn: z.string(), value: z.string() })),
  })
  .meta({ id: 'AgendaPaper' });

export const ZMeetingStatus = z
  .enum(['draft', 'scheduled', 'held', 'minutes_approved'])
  .describe('draft → scheduled → held → minutes_approved');
const ZJurisdictionRef = z.object({ code: z.string(), name: z.string() });

export const ZStandingReport = z
  .object({
    kind: z.enum(['injury_report', 'disease_report', 'accident_report']),
    title: z.string(),
    jurisdiction: ZJurisdictionRef,
    year: z.number().int(),
    generatedAt: z.string().describe('When the figures were computed (for a held meeting: when frozen)'),
    sections: z.array(
      z.object({
        source: z.enum(['injuries', 'fund', 'diseases', 'accidents']).describe('Exchange data domain'),
        label: z.string(),
        status: z.enum(['ok', 'no_data']).describe('no_data: nothing submitted for the year (not zero)'),
        figures: z.array(
          z.object({ key: z.string(), label: z.string(), value: z.number(), unit: z.string() }),
        ),
        charts: z.array(
          z.object({
            key: z.string(),
            title: z.string(),
            type: z.enum(['bar', 'line', 'pie']),
            categories: z.array(z.string()),
            values: z.array(z.number()),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'StandingReport' });

const ZItemStatus = z.enum(['open', 'in_progress', 'closed']).describe('open → in_progress → closed');

export const ZActionItem = z
  .object({
    id: z.number().int(),
    meetingId: z.number().int(),
    meetingTitle: z.string(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    organisationId: z.number().int().describe('The member unit it is assigned to'),
    organisationName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    deadline: z.string(),
    status: ZItemStatus,
    isOverdue: z.boolean().describe('Not closed and past its deadline (computed at query time)'),
    displayStatus: z.enum(['open', 'in_progress', 'closed', 'overdue']),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ActionItem' });

export const ZFollowUp = z
  .object({
    id: z.number().int(),
    kind: z.enum(['progress', 'close', 'escalate']),
    note: z.string(),
    username: z.string(),
    createdAt: z.string(),
    attachments: z.array(
      z.object({
        id: z.number().int(),
        fileName: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string(),
      }),
    ),
  })
  .meta({ id: 'FollowUp' });

export const ZActionItemDetail = ZActionItem.extend({ followUps: z.array(ZFollowUp) }).meta({
  id: 'ActionItemDetail',
});

export const ZMeetingSummary = z
  .object({
    id: z.number().int(),
    kind: z.enum(['regular', 'extraordinary']),
    title: z.string(),
    status: ZMeetingStatus,
    reportYear: z.number().int(),
    plannedOn: z.string(),
    heldOn: z.string().nullable(),
    location: z.string().nullable(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
  })
  .meta({ id: 'MeetingSummary' });

export const ZMeeting = z
  .object({
    id: z.number().int(),
    jurisdiction: ZJurisdictionRef,
    kind: z.enum(['regular', 'extraordinary']),
    title: z.string(),
    status: ZMeetingStatus,
    reportYear: z.number().int().describe('Year the standing reports cover'),
    plannedOn: z.string(),
    heldOn: z.string().nullable(),
    location: z.string().nullable(),
    minutes: z.string().nullable().describe('会议纪要'),
    decisions: z.array(z.string()).describe('Agreed matters (议定事项)'),
    participants: z.array(
      z.object({
        organisationId: z.number().int(),
        organisationName: z.string(),
        department: z.string().nullable(),
        role: z.enum(['member', 'guest']),
        attendance: z.enum(['invited', 'present', 'absent']),
        attendeeName: z.string().nullable().describe('Masked without personal-data:view'),
      }),
    ),
    agenda: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(['injury_report', 'disease_report', 'accident_report', 'topic', 'paper']),
        title: z.string(),
        isFrozen: z.boolean().describe('The report is the one frozen when the meeting was held'),
        frozenAt: z.string().nullable(),
        report: ZStandingReport.nullable().describe('A live preview before the meeting is held'),
        paper: ZAgendaPaper.nullable().describe('A paper another module attached (kind paper), frozen then'),
      }),
    ),
    actionItems: z.array(ZActionItem).describe('Items the actor may see'),
  })
  .meta({ id: 'Meeting' });

export const ZCreateMeetingInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  kind: z.enum(['regular', 'extraordinary']).describe('regular 例会 | extraordinary 临时会议'),
  title: z.string().trim().min(2).max(200),
  reportYear: z.number().int().min(2000).max(2100).describe('Year the standing reports cover'),
  plannedOn: ZIsoDate,
  location: z.string().trim().max(200).optional(),
  guestOrganisationIds: z
    .array(z.number().int().positive())
    .max(50)
    .optional()
    .describe('Departments invited beyond the members'),
  topics: z
    .array(z.string().trim().min(2).max(200))
    .max(20)
    .optional()
    .describe('Agenda topics after the standing reports'),
  reason: ZReason,
});

export const ZTransitionInput = z.object({ reason: ZReason });

export const ZHoldMeetingInput = z.object({
  heldOn: ZIsoDate,
  attendance: z
    .array(
      z.object({
        organisationId: z.number().int().positive(),
        attendance: z.enum(['present', 'absent']),
        attendeeName: z.string().trim().max(50).optional().describe('Who attended for the unit'),
      }),
    )
    .max(100),
  reason: ZReason,
});

export const ZMinutesInput = z.object({
  minutes: z.string().trim().min(2).max(20000).describe('会议纪要'),
  decisions: z.array(z.string().trim().min(2).max(1000)).max(50),
  reason: ZReason,
});

export const ZMeetingListQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  year: ZYear.optional(),
  status: ZMeetingStatus.optional(),
});

export const ZOverview = z
  .object({
    jurisdiction: ZJurisdictionRef,
    year: z.number().int(),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.string(),
        isSelf: z.boolean(),
        meetingsHeld: z.number().int(),
        lastHeldOn: z.string().nullable(),
        hasNoMeeting: z.boolean().describe('Flag: no meeting held in the year'),
        openActionItems: z.number().int(),
        overdueActionItems: z.number().int(),
        overdueRectifications: z.number().int(),
        implementationReportStatus: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'MeetingsOverview' });

export const ZCreateActionItemInput = z.object({
  organisationId: z.number().int().positive().describe('Member unit responsible'),
  title: z.string().trim().min(2).max(300),
  description: z.string().trim().max(2000).optional(),
  deadline: ZIsoDate,
  reason: ZReason,
});

export const ZActionItemQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  mine: z.stringbool().optional().describe('Only my unit’s items'),
  overdue: z.stringbool().optional().describe('Only overdue items'),
  status: ZItemStatus.optional(),
});

export const ZReportActionItemInput = z.object({
  kind: z.enum(['progress', 'close']).describe('progress report, or closure with evidence'),
  note: ZNote.describe('Progress, or the evidence of completion'),
});

export const ZFollowUpResult = z.object({
  followUpId: z.number().int().describe('Attach evidence files to this follow-up'),
  item: ZActionItemDetail,
});

export const ZAttachment = z
  .object({ id: z.number().int(), fileName: z.string(), sizeBytes: z.number().int(), sha256: z.string() })
  .meta({ id: 'Attachment' });

export const ZAttachmentQuery = z.object({
  fileName: z.string().trim().min(1).max(200).describe('Original file name'),
});

const ZReportStatus = z.enum(['draft', 'submitted', 'returned', 'accepted']);
const ZEvent = z.object({
  action: z.enum(['submit', 'return', 'accept']),
  comment: z.string().nullable(),
  username: z.string(),
  at: z.string(),
});

export const ZYearQuery = z.object({ jurisdiction: ZJurisdictionCode.optional(), year: ZYear });

const ZTemplates = z.record(
  z.string(),
  z.object({
    name: z.string(),
    fields: z.array(
      z.object({ key: z.string(), label: z.string(), labelEn: z.string(), type: z.enum(['number', 'text']) }),
    ),
  }),
);

export const ZMemberReportBoard = z
  .object({
    jurisdiction: ZJurisdictionRef,
    year: z.number().int(),
    dueDate: z.string(),
    dueDefinedAt: z.string().nullable().describe('Jurisdiction whose setting applies; null: the default'),
    items: z.array(
      z.object({
        organisationId: z.number().int(),
        organisationName: z.string(),
        template: z.string(),
        reportId: z.number().int().nullable(),
        status: ZReportStatus.nullable().describe('null: not started'),
        submittedAt: z.string().nullable(),
        isOverdue: z.boolean(),
      }),
    ),
    templates: ZTemplates.describe('The report templates of these units, by template key (J 附件1 三)'),
  })
  .meta({ id: 'MemberReportBoard' });

export const ZMemberReport = z
  .object({
    id: z.number().int(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    year: z.number().int(),
    template: z.string(),
    fields: z.array(
      z.object({ key: z.string(), label: z.string(), labelEn: z.string(), type: z.enum(['number', 'text']) }),
    ),
    content: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    status: ZReportStatus,
    submittedAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    events: z.array(ZEvent),
  })
  .meta({ id: 'MemberReport' });

export const ZSaveMemberReportInput = z.object({
  year: z.number().int().min(2000).max(2100),
  content: z.record(z.string(), z.union([z.string().max(20000), z.number(), z.null()])),
});

export const ZSubmitInput = z.object({ comment: z.string().trim().max(2000).optional() });
export const ZReviewInput = z.object({
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(2000).optional().describe('Required when returning: what to revise'),
});

const ZPart = z.object({
  key: z.string(),
  title: z.string(),
  status: z.enum(['ok', 'no_data', 'not_available']).describe('not_available: no module records it yet'),
  rows: z.array(z.object({ label: z.string(), value: z.union([z.string(), z.number()]) })),
});

export const ZImplementationReport = z
  .object({
    id: z.number().int(),
    jurisdiction: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    year: z.number().int(),
    status: ZReportStatus,
    dueDate: z.string().nullable(),
    isOverdue: z.boolean(),
    narrative: z.string(),
    parts: z.array(ZPart),
    composedAt: z.string(),
    submittedAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    canReview: z.boolean(),
    events: z.array(ZEvent),
  })
  .meta({ id: 'ImplementationReport' });

export const ZImplementationReportList = z
  .object({
    jurisdiction: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    year: z.number().int(),
    own: z.object({
      reportId: z.number().int().nullable(),
      status: ZReportStatus.nullable(),
      dueDate: z.string().nullable(),
      isOverdue: z.boolean(),
    }),
    subordinates: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        reportId: z.number().int().nullable(),
        status: ZReportStatus.nullable(),
        dueDate: z.string().nullable(),
        submittedAt: z.string().nullable(),
        isOverdue: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ImplementationReportList' });

export const ZComposeInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  year: z.number().int().min(2000).max(2100),
  narrative: z.string().max(50000).optional().describe('工作总结'),
});

export const ZRectification = z
  .object({
    id: z.number().int(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    employerId: z.number().int(),
    employerName: z.string(),
    employerCreditCode: z.string().nullable(),
    meetingId: z.number().int().nullable(),
    findingKind: z.enum(['hazard', 'over_limit_factor']),
    finding: z.string(),
    factorName: z.string().nullable(),
    measuredValue: z.string().nullable(),
    limitValue: z.string().nullable(),
    suggestion: z.string(),
    deadline: z.string(),
    responsibleOrganisationId: z.number().int(),
    responsibleName: z.string(),
    status: z.enum(['issued', 'rectifying', 'closed']),
    isOverdue: z.boolean(),
    displayStatus: z.enum(['issued', 'rectifying', 'closed', 'overdue']),
    escalatedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Rectification' });

export const ZRectificationDetail = ZRectification.extend({ followUps: z.array(ZFollowUp) }).meta({
  id: 'RectificationDetail',
});

export const ZIssueRectificationInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  employerId: z.number().int().positive(),
  meetingId: z.number().int().positive().optional().describe('The meeting that decided it'),
  findingKind: z
    .enum(['hazard', 'over_limit_factor'])
    .describe('hazard 隐患 | over_limit_factor 危害因素超标'),
  finding: z.string().trim().min(2).max(2000),
  factorName: z.string().trim().max(100).optional().describe('Required for an over-limit factor, e.g. 矽尘'),
  measuredValue: z.string().trim().max(100).optional(),
  limitValue: z.string().trim().max(100).optional(),
  suggestion: z.string().trim().min(2).max(2000).describe('限期整改建议'),
  deadline: ZIsoDate,
  responsibleOrganisationId: z.number().int().positive().describe('Member unit that follows it up'),
  reason: ZReason,
});

export const ZRectificationQuery = z.object({
  jurisdiction: ZJurisdictionCode.optional(),
  overdue: z.stringbool().optional(),
  status: z.enum(['issued', 'rectifying', 'closed']).optional(),
  year: ZYear.optional().describe(
    'Only suggestions whose deadline falls in this year; the answer then counts those due to date',
  ),
});

export const ZRectificationsOnTime = z
  .object({
    year: z.number().int(),
    dueBy: z.string().describe('Counted up to this day: today, or the year’s last day once it has passed'),
    due: z.number().int().describe('Suggestions of the year whose deadline has come'),
    closedOnTime: z
      .number()
      .int()
      .describe('Of those, closed by their deadline (the scorecard’s 整改按期办结率)'),
  })
  .meta({ id: 'RectificationsOnTime' });

export const ZRectificationFollowUpInput = z.object({
  kind: z.enum(['progress', 'close', 'escalate']),
  note: ZNote,
});

export const ZDueDates = z
  .object({
    jurisdiction: ZJurisdictionRef,
    settings: z.array(
      z.object({
        key: z.enum(['jm.memberReportDue', 'jm.prefectureReportDue', 'jm.provinceReportDue']),
        value: z.string().describe('MM-DD'),
        definedAt: z.string().nullable().describe('Jurisdiction that set it; null: the default'),
      }),
    ),
  })
  .meta({ id: 'DueDates' });

export const ZDueDateInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  key: z.enum(['jm.memberReportDue', 'jm.prefectureReportDue', 'jm.provinceReportDue']),
  value: z.string().describe('MM-DD, e.g. 12-20'),
  reason: ZReason,
});
