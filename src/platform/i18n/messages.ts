/** Server-side messages in the two languages of the UI; keys are stable error codes clients may match. */
export type Language = 'zh' | 'en';

const MESSAGES = {
  'validation.failed': { zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  'auth.required': { zh: '请先登录', en: 'Please sign in' },
  'auth.invalid_credentials': {
    zh: '用户名或密码错误（同一地址连续失败 {threshold} 次后，将暂停登录此账号 {minutes} 分钟）',
    en: 'Wrong username or password (after {threshold} failures in a row from one address, it cannot sign in to the account for {minutes} minutes)',
  },
  'auth.locked': {
    zh: '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins: the account is locked, try again in {minutes} minutes',
  },
  'auth.inactive': { zh: '账号已停用', en: 'This account is disabled' },
  'auth.csrf': {
    zh: '请求缺少有效的防跨站令牌，请刷新页面后重试',
    en: 'Missing or invalid CSRF token: reload the page and retry',
  },
  'auth.forbidden': { zh: '没有执行此操作的权限', en: 'You do not have permission for this action' },
  'auth.must_change_password': {
    zh: '请先修改初始密码',
    en: 'Change your initial password first',
  },
  'auth.invalid_token': {
    zh: 'API 令牌无效、已过期或已吊销',
    en: 'The API token is invalid, expired or revoked',
  },
  'auth.token_not_allowed': {
    zh: 'API 令牌只能提交和查看本单位的数据批次',
    en: "An API token may only submit and read its own unit's batches",
  },
  'token.max_days': {
    zh: '有效期不能超过 {max} 天',
    en: 'At most {max} days',
  },
  'token.member_unit_only': {
    zh: '令牌只能发给本辖区内的联席会议成员单位',
    en: 'Tokens are issued to member departments of your scope only',
  },
  'auth.wrong_current_password': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'password.too_short': { zh: '密码至少 12 位', en: 'The password needs at least 12 characters' },
  'password.common': {
    zh: '这是常见密码，容易被猜中，请换一个',
    en: 'This is a commonly used password that is easy to guess: choose another',
  },
  'password.in_history': {
    zh: '新密码不能与最近 {count} 次使用过的密码相同',
    en: 'The new password must differ from the last {count} passwords',
  },
  'password.too_simple': {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'The password needs three of: upper case, lower case, digits, symbols',
  },
  'password.contains_username': {
    zh: '密码不能包含用户名',
    en: 'The password must not contain the username',
  },
  'password.reused': {
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  not_found: { zh: '未找到该记录', en: 'Not found' },
  'request.nul_byte': {
    zh: '请求参数中含有空字符（NUL），已拒绝',
    en: 'The request contains a NUL character and was refused',
  },
  'conflict.duplicate': {
    zh: '{field} 已存在，不能重复',
    en: '{field} already exists',
  },
  'scope.outside': {
    zh: '该管辖区不在您的权限范围内',
    en: 'That jurisdiction is outside your scope',
  },
  'credit_code.malformed': {
    zh: '统一社会信用代码格式不正确：应为 18 位，由数字和大写字母（不含 I、O、S、V、Z）组成',
    en: 'Malformed unified social credit code: 18 characters of digits and capitals (no I, O, S, V, Z)',
  },
  'credit_code.check_failed': {
    zh: '统一社会信用代码校验位不符（应为 {expected}）：已按原样记录，请核实',
    en: 'Unified social credit code check character does not match (expected {expected}): recorded as given, please verify',
  },
  'credit_code.duplicate': {
    zh: '该统一社会信用代码已登记',
    en: 'An organisation with this unified social credit code already exists',
  },
  'credit_code.required': {
    zh: '用人单位须填写统一社会信用代码',
    en: 'An employer needs a unified social credit code',
  },
  'industry.unknown': { zh: '国民经济行业代码不存在：{code}', en: 'Unknown GB/T 4754 industry code: {code}' },
  'jurisdiction.unknown': { zh: '管辖区代码不存在：{code}', en: 'Unknown jurisdiction code: {code}' },
  'department.required': {
    zh: '成员单位须选择部门类别',
    en: 'A member department needs its department type',
  },
  'department.only_member': {
    zh: '只有成员单位才有部门类别',
    en: 'Only a member department has a department type',
  },
  'username.taken': { zh: '用户名已被使用', en: 'This username is taken' },
  'role.not_grantable': { zh: '您不能授予该角色', en: 'You cannot grant this role' },
  'role.separation_of_duties': {
    zh: '三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任',
    en: 'Separation of duties: one account cannot be two of system, security and audit administrator',
  },
  // Sign-in through the unified identity service (统一身份认证, OIDC; ORG-5).
  'oidc.not_configured': {
    zh: '未配置统一身份认证',
    en: 'Sign-in through the unified identity service is not configured',
  },
  'oidc.state': {
    zh: '统一身份认证登录已过期或无效，请重新登录',
    en: 'The unified sign-in expired or is not valid: sign in again',
  },
  'oidc.denied': {
    zh: '统一身份认证平台未完成登录',
    en: 'The unified identity service did not complete the sign-in',
  },
  'oidc.failed': {
    zh: '统一身份认证平台的应答未通过校验',
    en: 'The answer of the unified identity service failed verification',
  },
  'oidc.claim_missing': {
    zh: '统一身份认证平台未提供用于关联账号的属性 {claim}',
    en: 'The unified identity service did not send the linking claim {claim}',
  },
  'oidc.unknown_identity': {
    zh: '该统一身份认证账号未关联本系统用户，请联系管理员',
    en: 'This identity is not linked to a user of this system: ask an administrator',
  },
  'oidc.pending': {
    zh: '该统一身份认证账号已提交管理员审核关联，关联后即可登录',
    en: 'This identity awaits an administrator to link it to a user',
  },
  'identity.linked_elsewhere': {
    zh: '该统一身份认证账号已关联其他用户',
    en: 'This identity is already linked to another user',
  },
  'identity.user_has_one': {
    zh: '该用户已关联一个统一身份认证账号，请先解除',
    en: 'This user already has a linked identity: unlink it first',
  },
  'user.self_deactivate': { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  'roster.member_ended': {
    zh: '该成员已被替换，不能再次替换',
    en: 'This member was already replaced',
  },
  'roster_change.own_unit_only': {
    zh: '只能为本单位的成员或联络员申请变更',
    en: 'A unit proposes changes of its own member or liaison only',
  },
  'roster_change.role_not_changeable': {
    zh: '成员单位只能申请变更成员或联络员；召集人、主任、副主任由联席会议调整',
    en: 'A unit proposes changes of a member or liaison only; the meeting changes its convener and directors',
  },
  'roster_change.open_exists': {
    zh: '该成员已有待处理的变更申请（编号 {id}）',
    en: 'This member already has an open change request (no. {id})',
  },
  'roster_change.not_office': {
    zh: '只有本级联席会议办公室可以确认或退回变更申请',
    en: 'Only the office of this joint meeting confirms or returns change requests',
  },
  'roster_change.not_proposed': {
    zh: '该申请不在待确认状态（当前：{status}）',
    en: 'This request is not awaiting confirmation (now: {status})',
  },
  'roster_change.not_returned': {
    zh: '只有被退回的申请可以修改后重新提交（当前：{status}）',
    en: 'Only a returned request can be revised and proposed again (now: {status})',
  },
  'roster.date_before_start': {
    zh: '生效日期不能早于被替换成员的任职日期 {from}',
    en: 'The effective date cannot precede the replaced member’s start date {from}',
  },
  'organisation.outside_jurisdiction': {
    zh: '所选单位不属于该管辖区',
    en: 'The chosen organisation does not belong to this jurisdiction',
  },
  'exchange.domain_not_allowed': {
    zh: '本单位不能报送该类数据（{domain}）',
    en: 'Your unit does not submit this domain ({domain})',
  },
  'exchange.empty_file': { zh: '文件为空', en: 'The file is empty' },
  'exchange.embedded_limit': {
    zh: '文件有 {rows} 行，超过嵌入式数据库模式的上限 {limit} 行（导入期间会阻塞其他请求）；请拆分文件，或将系统部署在 PostgreSQL 上（设置 DATABASE_URL）',
    en: 'The file has {rows} rows, more than the embedded-database limit of {limit} (its import would hold up every other request); split the file, or run the system on PostgreSQL (set DATABASE_URL)',
  },
  'exchange.file_too_large': {
    zh: '文件超过上传上限 {limit}；请拆分后分批报送',
    en: 'The file is larger than the upload limit of {limit}; split it and submit the parts',
  },
  'exchange.supersede_invalid': {
    zh: '只能更正本单位已入库的同类批次',
    en: 'Only a committed batch of the same domain from your unit can be superseded',
  },
  'exchange.reason_required': { zh: '更正批次须说明原因', en: 'A corrected resubmission needs a reason' },
  'exchange.too_many_rows': {
    zh: '单次接口报送最多 {max} 行，请改用文件',
    en: 'At most {max} rows per API call: send a file instead',
  },
  'exchange.export_too_large': {
    zh: '单次导出最多 {limit} 条，请缩小筛选范围（年份、管辖区或单位）',
    en: 'An export holds at most {limit} rows: narrow the filter (year, jurisdiction or employer)',
  },
  'roster.unit_required': {
    zh: '请填写单位或选择成员单位',
    en: 'Give the unit or choose a member department',
  },
  'key_industry.duplicate': {
    zh: '该计划期已有同名行业',
    en: 'This plan period already lists an industry of that name',
  },
  'analytics.unknown_element': { zh: '未知的数据元素：{element}', en: 'Unknown data element: {element}' },
  'analytics.unknown_indicator': { zh: '未知的指标：{code}', en: 'Unknown indicator: {code}' },
  'analytics.indicator_taken': {
    zh: '指标代码 {code} 已由全国或其他地区定义，请换一个代码',
    en: 'Indicator code {code} is defined nationally or by another jurisdiction: choose another code',
  },
  'analytics.too_many_dimensions': {
    zh: '最多同时按两个维度（含重点行业筛选）细分',
    en: 'At most two dimensions at once (a key-industry filter counts as one)',
  },
  'analytics.axis_not_available': {
    zh: '指标 {indicator} 不能按“{axis}”细分',
    en: 'Indicator {indicator} cannot be broken down by {axis}',
  },
  'analytics.year_range': { zh: '起始年度不能晚于截止年度', en: 'The first year must not be after the last' },
  'analytics.unknown_key_industry': {
    zh: '该规划期没有这个重点行业',
    en: 'No such key industry in the plan period',
  },
  'analytics.no_baseline': {
    zh: '基准年 {year} 没有数据，无法计算目标进度',
    en: 'No data for the baseline year {year}: progress cannot be computed',
  },
  'date.in_future': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'expert.field_duplicate': { zh: '该专业领域已存在', en: 'This field already exists' },
  'expert.field_unknown': { zh: '专业领域不存在：{field}', en: 'Unknown expert field: {field}' },
  'expert.user_invalid': {
    zh: '关联账号须为本辖区内角色为专家的用户',
    en: 'The linked account must be a user of role expert in your scope',
  },
  'expert.illegal_transition': {
    zh: '专家当前状态为 {status}，不能执行此操作',
    en: 'The expert is {status}: this action is not allowed',
  },
  'expert.share_dates': { zh: '截止日期不能早于开始日期', en: 'The end date cannot precede the start date' },
  'expert.share_not_pending': {
    zh: '该共享申请已处理（{status}），不能再次处理',
    en: 'This share has already been answered ({status})',
  },
  'expert.share_same_province': {
    zh: '只能共享到其他省份的专家库',
    en: 'An expert can only be shared into another province’s pool',
  },
  'draw.size_invalid': {
    zh: '评审专家人数须为不少于 3 的奇数',
    en: 'A panel needs an odd number of at least 3 experts',
  },
  'draw.mix_exceeds_size': {
    zh: '各专业领域人数之和超过了专家组人数',
    en: 'The field mix asks for more experts than the panel size',
  },
  'draw.not_enough_candidates': {
    zh: '符合条件的候选专家不足（{field}）',
    en: 'Not enough eligible candidates ({field})',
  },
  'draw.already_drawn': { zh: '该次抽取已完成', en: 'This draw has already been made' },
  'draw.not_drawn': { zh: '尚未抽取专家', en: 'No panel has been drawn yet' },
  'draw.not_scheduled': { zh: '请先安排抽取', en: 'Schedule the draw first' },
  'panel.member_not_invited': {
    zh: '该专家不在待评审名单中（已谢绝或已评分）',
    en: 'This expert is not an open invitation (declined or already scored)',
  },
  'project.illegal_transition': {
    zh: '项目当前状态为「{statusZh}」，不能执行此操作',
    en: 'The project is {status}: this action is not allowed',
  },
  'project.applicant_ineligible': {
    zh: '申报单位须为行业协会或大中型企业',
    en: 'The applicant must be an industry association or a large or medium enterprise',
  },
  'project.not_applicant': {
    zh: '您的账号未关联可申报的单位',
    en: 'Your account is not linked to an organisation that may declare',
  },
  'project.key_field_outside': {
    zh: '项目须属于本年度重点领域：{fields}',
    en: 'The project must fall within this year’s key fields: {fields}',
  },
  'budget.no_fund_data': {
    zh: '缺少 {year} 年度工伤保险基金征缴收入数据，无法计算预算上限，请先报送基金数据',
    en: 'No fund contribution income for {year}: the cap cannot be computed; submit the fund data first',
  },
  'budget.missing': {
    zh: '{year} 年度工伤预防费预算尚未设定',
    en: 'The prevention-fee budget for {year} has not been set',
  },
  'budget.over_cap': { zh: '预算不能超过上限 {cap} 分', en: 'The budget cannot exceed the cap of {cap} fen' },
  'budget.below_spent': {
    zh: '预算不能低于已承诺与已支付之和 {spent} 分',
    en: 'The budget cannot be below what is committed and paid ({spent} fen)',
  },
  'budget.exceeded': {
    zh: '预算余额不足（剩余 {left} 分）',
    en: 'Not enough budget left ({left} fen)',
  },
  'finance.not_finance_unit': {
    zh: '只有本级财政部门可以批复或退回预算',
    en: 'Only the finance unit of this jurisdiction may approve or return the budget',
  },
  'finance.illegal_step': {
    zh: '预算当前状态（{status}）下不能进行此操作',
    en: 'This step is not possible while the budget is {status}',
  },
  'finance.above_proposed': {
    zh: '批复金额不能超过人社部门报送的预算 {proposed} 分',
    en: 'The approved amount cannot exceed the proposed budget of {proposed} fen',
  },
  'finance.not_approved': {
    zh: '年度预算尚未经财政部门批复（当前：{status}），不能拨付',
    en: 'The year’s budget is not approved by the finance unit ({status}): no payment can be released',
  },
  'finance.beyond_approved': {
    zh: '拨付 {amountFen} 分将超出财政批复预算 {approvedFen} 分（已拨付 {paidFen} 分）',
    en: 'Releasing {amountFen} fen would exceed the approved budget of {approvedFen} fen ({paidFen} fen paid)',
  },
  'inspection.not_on_list': {
    zh: '该单位不在所选名单中（{source}：重点企业台账或重点监控名单）',
    en: 'This employer is not on the chosen list ({source}: key-enterprise ledger or monitoring list)',
  },
  'inspection.employer_not_chosen': {
    zh: '检查记录须对应本次联合检查选定的用人单位',
    en: 'A finding must name an employer this inspection chose',
  },
  'inspection.unit_not_inspecting': {
    zh: '该单位不是本次联合检查的参检成员单位',
    en: 'This unit does not take part in the inspection',
  },
  'inspection.checklist_unknown': {
    zh: '检查项不在本部门的检查清单中',
    en: 'This item is not on the department’s checklist',
  },
  'inspection.already_rectification': {
    zh: '该检查发现已生成整改建议',
    en: 'This finding has already become a rectification suggestion',
  },
  'payment.already_made': { zh: '该笔款项已支付，不能重复支付', en: 'This payment has already been made' },
  'prepay.out_of_range': {
    zh: '预付比例应在 {min}% 到 {max}% 之间',
    en: 'The prepayment must be from {min}% to {max}%',
  },
  'organisation.barred': {
    zh: '该服务机构因骗取基金被列入禁入名单，不能选用',
    en: 'This service organisation is barred for defrauding the fund',
  },
  'organisation.not_service': {
    zh: '所选单位不是服务机构',
    en: 'The chosen organisation is not a service organisation',
  },
  'review.score_out_of_range': {
    zh: '「{criterion}」得分应在 0 到 {max} 之间',
    en: '{criterion} must be scored from 0 to {max}',
  },
  'deduction.too_large': {
    zh: '扣减金额不能超过合同金额',
    en: 'The deduction cannot exceed the contract sum',
  },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
  'ranking.top_or_selection': {
    zh: '请给出前 N 名或选定的单位（二者取一）',
    en: 'Give either the top N or a selection of employers, not both',
  },
  'ranking.not_ranked': {
    zh: '单位 {id} 不在该年度排名中（无参保人数或不在辖区内）',
    en: 'Employer {id} is not ranked that year (no denominator, or outside the jurisdiction)',
  },
  'ranking.nothing_to_adopt': {
    zh: '{year} 年没有可确定的单位（缺少参保人数数据）',
    en: 'Nothing to adopt for {year}: no employer has a denominator',
  },
  'bulletin.illegal_transition': {
    zh: '通报当前状态为「{stateZh}」，不能{actionZh}',
    en: 'The bulletin is {stateEn}: it cannot be {actionEn}',
  },
  'bulletin.self_approval': {
    zh: '起草人不能审核自己起草的通报，请由另一位工作人员审核',
    en: 'The drafter cannot approve their own bulletin: another officer must approve it',
  },
  'bulletin.no_records': {
    zh: '请至少选择一起事故或一条工伤认定记录',
    en: 'Choose at least one accident or injury record',
  },
  'bulletin.record_unknown': {
    zh: '记录 {id} 不存在或不在所选辖区内',
    en: 'Record {id} does not exist or lies outside the chosen jurisdiction',
  },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  // --- 催办 (workbench, decision 0041) ---
  'chase.rate_limited': {
    zh: '该事项今日已催办 {limit} 次，请明日再催',
    en: 'This item has had its {limit} reminder(s) today; chase again tomorrow',
  },
  'chase.year_required': { zh: '催办年度报告须指明年度', en: 'Chasing a yearly report needs its year' },
  // --- end 催办 ---
  'workflow.illegal_transition': {
    zh: '当前状态为「{state}」，不能执行「{action}」',
    en: 'Not allowed while the state is "{state}": {action}',
  },
  'workflow.not_assignee': {
    zh: '只有承办单位可以更新本事项',
    en: 'Only the assigned unit may update this item',
  },
  'workflow.deadline_past': { zh: '期限不能早于今天', en: 'The deadline cannot be before today' },
  'workflow.not_member_unit': {
    zh: '所选单位不是本辖区联席会议的成员单位',
    en: 'That unit is not a member department of this jurisdiction',
  },
  'workflow.minutes_required': {
    zh: '请先填写会议纪要，再审定',
    en: 'Write the minutes before approving them',
  },
  'workflow.not_overdue': {
    zh: '整改建议尚未逾期，不能移交督办',
    en: 'The suggestion is not overdue yet, so it cannot be escalated',
  },
  'workflow.no_unit': {
    zh: '您的账号未关联成员单位，不能填报',
    en: 'Your account is not linked to a member unit',
  },
  'workflow.not_employer': {
    zh: '所选单位不是本辖区的用人单位',
    en: 'That organisation is not an employer of this jurisdiction',
  },
  'attachment.too_large': {
    zh: '附件不能超过 {max} MB',
    en: 'Attachments may be at most {max} MB',
  },
  'attachment.empty': { zh: '附件为空', en: 'The attachment is empty' },
  'document.pdf_unavailable': {
    zh: '服务器未安装 Chromium，无法生成 PDF；请下载 Word 版本或打印网页版本',
    en: 'Chromium is not installed on the server, so no PDF can be made: download the Word version or print the web page',
  },
  'report.superior_only': {
    zh: '年度报告由上级管辖区审核',
    en: 'A yearly report is reviewed by the superior jurisdiction',
  },
  'report.own_only': {
    zh: '年度报告由本管辖区自行提交',
    en: 'A jurisdiction submits its own yearly report',
  },
  'report.level': {
    zh: '只有地市和省级报送年度实施情况报告',
    en: 'Only prefectures and provinces send a yearly implementation report',
  },
  'setting.month_day': {
    zh: '日期格式应为 MM-DD，例如 12-20',
    en: 'Use MM-DD, e.g. 12-20',
  },
  'setting.too_small': { zh: '不能小于 {minimum}', en: 'Must be at least {minimum}' },
  'setting.too_big': { zh: '不能大于 {maximum}', en: 'Must be at most {maximum}' },
  'setting.invalid_value': { zh: '取值应为：{values}', en: 'Must be one of: {values}' },
  'setting.invalid_type': { zh: '类型应为 {expected}', en: 'Expected {expected}' },
  'setting.invalid': { zh: '取值不符合该参数的要求', en: 'Not a valid value for this setting' },
  'holders.row_unreadable': { zh: '该行无法读取', en: 'This row cannot be read' },
  'holders.employer_required': {
    zh: '必须填写单位统一社会信用代码',
    en: 'The employer’s credit code is required',
  },
  'holders.employer_unknown': {
    zh: '单位不存在或不在管辖范围内：{value}',
    en: 'Unknown employer, or outside your jurisdiction: {value}',
  },
  'holders.required': { zh: '必填', en: 'Required' },
  'holders.date_invalid': { zh: '日期无效：{value}', en: 'Invalid date: {value}' },
  'holders.duplicate_in_file': {
    zh: '同一人同一岗位在文件中重复',
    en: 'The same person and post appear twice in the file',
  },
  'holders.file_unreadable': { zh: '文件无法读取（{code}）', en: 'The file cannot be read ({code})' },
  'holders.columns_missing': { zh: '缺少列：{columns}', en: 'Columns missing: {columns}' },
  'holders.id_malformed': { zh: '格式不正确', en: 'malformed' },
  'holders.id_bad_date': { zh: '出生日期无效', en: 'invalid birth date' },
  'holders.id_check_failed': { zh: '校验码错误', en: 'check digit wrong' },
  'schools.own_school_only': {
    zh: '只能登记本校的班级和学生',
    en: 'You may record classes and students of your own school only',
  },
  'schools.assessment_not_passed': {
    zh: '学生 {student} 尚未通过实习前工伤预防考核，不能安排实习',
    en: 'Student {student} has not passed the pre-internship assessment: no internship yet',
  },
  'providers.organisation_only': {
    zh: '只有机构账号可以申请',
    en: 'Only an organisation’s account may apply',
  },
  'providers.already_open': {
    zh: '已有同类申请在审或已入选',
    en: 'An application of this kind is already open or listed',
  },
  'providers.not_applied': { zh: '该申请不在待审状态', en: 'This application is not awaiting review' },
  'providers.aspect_not_acceptable': {
    zh: '资质、信誉、服务均合格方可列入推荐名单',
    en: 'Qualification, reputation and service must all be acceptable to list',
  },
  'providers.reason_required': { zh: '请填写原因', en: 'A reason is required' },
  'providers.not_listed': { zh: '该机构不在推荐名单上', en: 'This provider is not on the list' },
  'projects.not_training': { zh: '该项目不是培训类项目', en: 'This is not a training project' },
  'training.id_number_invalid': {
    zh: '身份证号无效：{reason}',
    en: 'Invalid ID number: {reason}',
  },
  'training.role_unknown': {
    zh: '计划期 {period} 没有重点岗位“{role}”',
    en: 'Plan period {period} has no key post "{role}"',
  },
  'training.roles_province_only': {
    zh: '重点岗位由省级（或全国）人社部门设置',
    en: 'Key posts are set by the provincial (or national) HRSS department',
  },
  'training.role_in_use': {
    zh: '重点岗位“{role}”已有 {holders} 名在岗人员、{courses} 门课程使用，不能删除',
    en: 'Key post "{role}" is held by {holders} persons and used by {courses} courses: it cannot be removed',
  },
  'training.role_duplicate': {
    zh: '重点岗位代码“{role}”重复',
    en: 'Key post code "{role}" appears twice',
  },
  'training.not_key_enterprise': {
    zh: '该单位不属于本计划期重点行业企业',
    en: 'This employer is not a key enterprise of the plan period',
  },
  'training.own_employer_only': {
    zh: '只能登记本单位的重点岗位人员',
    en: 'You may register key-post holders of your own employer only',
  },
  'training.holder_duplicate': {
    zh: '此人已在本单位担任该岗位',
    en: 'This person already holds this post at this employer',
  },
  'training.holder_ended': { zh: '该岗位记录已结束', en: 'This post has already ended' },
  'training.end_before_start': {
    zh: '离岗日期不能早于到岗日期',
    en: 'The end date cannot precede the start date',
  },
  'training.course_retired': { zh: '该课程已停用', en: 'This course is retired' },
  'training.completion_duplicate': {
    zh: '此人当天已有该课程的培训记录',
    en: 'This person already has a record of this course on that day',
  },
  'training.certificate_unknown': {
    zh: '证书编号不存在：{number}',
    en: 'No certificate has the number {number}',
  },
  'training.date_in_future': { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
  'rates.rule_invalid': {
    zh: '费率浮动规则不符合要求：{rules}',
    en: 'The rate-floating rule set breaks these rules: {rules}',
  },
  'rates.not_finance': {
    zh: '只有财政部门（成员单位）可以审核费率浮动规则',
    en: 'Only the finance member unit (财政) may review a rule set',
  },
  'rates.wrong_status': {
    zh: '该规则当前状态为“{status}”，不能执行此操作',
    en: 'The rule set is {status}: this step is not open',
  },
  'rates.effective_before_adopted': {
    zh: '生效日期 {date} 不晚于现行规则的生效日期 {adopted}',
    en: 'The effective date {date} is not after the adopted rule set’s {adopted}',
  },
  'rates.no_adopted': {
    zh: '该统筹地区尚无已施行的费率浮动规则',
    en: 'No adopted rule set for this pooling area',
  },
  'rates.appeal_closed': { zh: '该申诉已有处理结果', en: 'This appeal has already been decided' },
  'rates.appeal_open': { zh: '该费率已有待处理的申诉', en: 'An appeal against this rate is already open' },
  'rates.own_employer_only': { zh: '只能查看和申诉本单位的费率', en: 'Only your own employer’s rate' },
  'rates.corrected_tier': {
    zh: '更正后的档次 {tier}% 不在第{riskClass}类允许的档次内',
    en: 'The corrected tier {tier} % is not one class {riskClass} may take',
  },
  'training.not_learner': {
    zh: '此账号不是学员账号，不能学习或考试',
    en: 'This account is not a learner’s: it cannot study or sit exams',
  },
  'training.learner_exists': {
    zh: '该岗位人员已有学员账号',
    en: 'This key-post holder already has a learner account',
  },
  'training.exam_no_questions': { zh: '该课程没有题库', en: 'This course has no question bank' },
  'training.exam_study_incomplete': {
    zh: '请先学完全部在线章节再参加考试',
    en: 'Study every online segment before sitting the exam',
  },
  'training.exam_attempts_used': {
    zh: '考试次数已用完（上限 {max} 次）',
    en: 'No attempts left (at most {max})',
  },
  'training.exam_already_passed': { zh: '已通过该课程考试', en: 'The exam of this course is already passed' },
  'training.exam_time_up': {
    zh: '考试时间已到，答卷不再接受',
    en: 'Time is up: answers are no longer accepted',
  },
  'training.exam_closed': { zh: '该试卷已交卷或已作废', en: 'This paper is already submitted or void' },
  'training.exam_question_not_in_paper': {
    zh: '第 {questionId} 题不在本试卷中',
    en: 'Question {questionId} is not on this paper',
  },
  'training.exam_choice_invalid': {
    zh: '第 {questionId} 题的选项无效',
    en: 'The choice for question {questionId} is invalid',
  },
  'training.study_skip_refused': {
    zh: '请按顺序学习：前面的章节尚未学完',
    en: 'Study in order: an earlier segment is not finished',
  },
  'training.study_session_ended': {
    zh: '本次学习已结束（可能在其他设备开始了新的学习），请重新开始',
    en: 'This study session has ended (perhaps one started elsewhere): start again',
  },
  'training.school_class_exists': {
    zh: '本校已有 {cohort} 级“{name}”班，请勿重复登记',
    en: 'The school already has class “{name}” of cohort {cohort}',
  },
  'training.school_student_exists': {
    zh: '该学生（身份证号 {idNumber}）已在本班',
    en: 'This student (ID {idNumber}) is already in the class',
  },
  'training.study_idle_locked': {
    zh: '超过 {minutes} 分钟无操作，本次学习已锁定，请重新开始',
    en: 'No activity for {minutes} minutes: this session is locked, start again',
  },
  'training.session_code_wrong': { zh: '签到码不正确', en: 'Wrong sign-in code' },
  'training.session_not_today': {
    zh: '只能在培训当天签到',
    en: 'Sign-in is only possible on the day of the session',
  },
  'training.not_on_roster': { zh: '不在该期培训名单中', en: 'Not on this session’s roster' },
  'training.holder_not_served': {
    zh: '该人员的岗位不在本课程的培训对象中',
    en: 'This person’s post is not one the course serves',
  },
  'training.file_invalid': { zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reason}' },
  'training.file_too_large': { zh: '文件超过 {max} MB', en: 'The file is larger than {max} MB' },
  'training.question_kind': {
    zh: '题型应为 单选/多选/判断',
    en: 'The kind must be single, multiple or true/false',
  },
  'training.question_stem': {
    zh: '题干为空或超过 500 字',
    en: 'The stem is empty or longer than 500 characters',
  },
  'training.question_options': {
    zh: '选择题至少两个选项，且选项须连续填写',
    en: 'A choice question needs at least two options, filled without gaps',
  },
  'training.question_answer': {
    zh: '答案无效（单选一个字母，多选两个以上字母，判断 正确/错误）',
    en: 'Invalid answer (single: one letter; multiple: two or more; true/false: 正确/错误)',
  },
  'training.question_points': { zh: '分值应为 1–100 的整数', en: 'Points must be a whole number 1–100' },
  'training.question_repeated': {
    zh: '与本文件第 {line} 行题干重复',
    en: 'Same stem as line {line} of this file',
  },
  'training.course_online_only': {
    zh: '纯在线课程没有线下培训班',
    en: 'An online-only course has no offline sessions',
  },
  'training.video_type': { zh: '视频格式应为：{types}', en: 'The video must be one of: {types}' },
  'training.segment_video_missing': { zh: '该章节没有视频', en: 'This segment has no video' },
  'publicity.dates_out_of_order': {
    zh: '{field} 不能早于 {other}',
    en: '{field} cannot precede {other}',
  },
  'publicity.year_mismatch': {
    zh: '活动开始日期应在 {year} 年内',
    en: 'The campaign must start within {year}',
  },
  'publicity.topic_unknown': { zh: '未配置的宣传主题：{topic}', en: 'Not a configured topic: {topic}' },
  'publicity.industry_not_key': {
    zh: '“{name}”不是本计划期的重点行业：可以开展，但不计入重点行业宣传覆盖',
    en: '"{name}" is not a key industry of the plan period: allowed, but it does not count toward the quota',
  },
  'publicity.reach_source_required': {
    zh: '填写了覆盖数据时须注明数据来源',
    en: 'Reach figures need their source',
  },
  'publicity.campaign_not_planned': {
    zh: '该活动已记录，不能再修改计划',
    en: 'This campaign has already been recorded',
  },
  'publicity.campaign_not_recorded': {
    zh: '活动尚未记录实施情况，不能验收',
    en: 'The campaign has no record of what happened yet',
  },
  'publicity.date_in_future': { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
  'publicity.employer_outside_meeting': {
    zh: '该单位不在所申请联席会议的辖区内',
    en: 'The employer lies outside the joint meeting’s jurisdiction',
  },
  'publicity.own_employer_only': {
    zh: '只能为本单位申请或记录',
    en: 'You may apply or record for your own employer only',
  },
  'publicity.organiser_only': {
    zh: '只有活动的组织单位或活动所在地人社部门可以记录活动实施情况',
    en: 'Only an organiser of the campaign, or the HRSS office of its jurisdiction, may record it',
  },
  'publicity.base_state': {
    zh: '基地当前状态（{status}）不允许此操作',
    en: 'Not allowed while the base is {status}',
  },
  'publicity.experts_required': {
    zh: '评审须有专家库专家的意见',
    en: 'A review needs the opinion of experts from the pool',
  },
  'publicity.organisation_required': {
    zh: '须选择单位',
    en: 'Choose the organisation',
  },
  'publicity.reason_required': { zh: '须说明理由', en: 'Give a reason' },
  'publicity.example_state': {
    zh: '典型当前状态（{status}）不允许此操作',
    en: 'Not allowed while the example is {status}',
  },
  'publicity.not_an_image': {
    zh: '照片须为 JPEG、PNG 或 WebP 图片',
    en: 'A photo must be a JPEG, PNG or WebP image',
  },
  // --- procure (PP-11 payment standards, PP-4 procurement, JM-1 roster changes, employer self-service)
  'standard.unknown_kind': {
    zh: '{year} 年度没有此类服务（{kind}）的支付标准',
    en: 'No payment standard for the kind of service {kind} in {year}',
  },
  'standard.quantity_missing': {
    zh: '按支付标准计价的预算项须填写数量',
    en: 'A line priced under a payment standard needs its quantity',
  },
  'procurement.missing': {
    zh: '该项目尚未发布采购公告',
    en: 'No procurement has been opened for this project',
  },
  'procurement.illegal_state': {
    zh: '采购当前状态（{status}）不允许此操作',
    en: 'Not allowed while the procurement is {status}',
  },
  'procurement.deadline_before_notice': {
    zh: '响应截止日期不能早于公告日期',
    en: 'The bid deadline cannot be before the notice date',
  },
  'procurement.bid_outside_window': {
    zh: '投标日期应在 {from} 至 {to} 之间',
    en: 'A bid must be submitted between {from} and {to}',
  },
  'procurement.bid_twice': { zh: '该单位已投标', en: 'This organisation has already bid' },
  'procurement.no_bids': {
    zh: '没有投标，无法评审（可宣布流标）',
    en: 'No bids to evaluate (declare it failed)',
  },
  'procurement.unknown_bid': { zh: '本次采购没有编号为 {id} 的投标', en: 'This procurement has no bid {id}' },
  'procurement.bid_scored_twice': { zh: '同一投标评分重复', en: 'A bid is scored twice' },
  'procurement.bid_unscored': { zh: '投标 {id} 尚未评分', en: 'Bid {id} has no score' },
  'procurement.award_before_deadline': {
    zh: '成交日期不能早于响应截止日期 {deadline}',
    en: 'The award cannot be dated before the bid deadline {deadline}',
  },
  'agreement.not_awarded': {
    zh: '服务协议须与采购成交单位（{name}）签订',
    en: 'The agreement must be signed with the awarded organisation ({name})',
  },
  'agreement.procurement_open': {
    zh: '采购尚未完成（{status}），须成交或宣布流标后再签订协议',
    en: 'The procurement is still open ({status}): award it or declare it failed before the agreement',
  },
  'standard.reason_missing': {
    zh: '该预算项超过支付标准（标准金额 {standard} 分，按{unit}计），须说明理由',
    en: 'This line is above the payment standard ({standard} fen, per {unit}): state the reason',
  },
  // Enterprise risk index (AN-5, issue 18 part 1)
  'risk.weights_sum': {
    zh: '各分项权重之和须等于设定的合计',
    en: 'The weights must sum to the configured total',
  },
  'risk.thresholds_order': {
    zh: '等级分界须依次递增：黄 < 橙 < 红',
    en: 'Grade bounds must ascend: yellow < orange < red',
  },
  'risk.recompute_running': { zh: '风险指数正在重算', en: 'The risk index is being recomputed' },
  // Cross-checks between departments' data (AN-6, decision 0036).
  'crosschecks.unknown_parameter': { zh: '规则没有参数“{name}”', en: 'The rule has no parameter “{name}”' },
  'crosschecks.missing_parameter': { zh: '缺少规则参数“{name}”', en: 'Rule parameter “{name}” is missing' },
  'crosschecks.bad_parameter': {
    zh: '规则参数“{name}”的值不合要求',
    en: 'Rule parameter “{name}” has an invalid value',
  },
  'crosschecks.unknown_field': {
    zh: '数据交换格式“{domain}”中没有字段“{field}”',
    en: 'The exchange format “{domain}” has no field “{field}”',
  },
  'crosschecks.field_not_usable': {
    zh: '此规则不能使用字段“{field}”，可用：{usable}',
    en: 'This rule cannot use the field “{field}”; usable: {usable}',
  },
  'crosschecks.explanation_required': { zh: '关闭疑点须说明情况', en: 'Closing a hit needs an explanation' },
  // scorecard (SV-1)
  'scorecard.rule_invalid': {
    zh: '考核评分规则不符合要求：{rules}',
    en: 'The scorecard rule set breaks these rules: {rules}',
  },
  'scorecard.signed_off': {
    zh: '该年度考核结果已确认，不能再修改',
    en: 'This year’s assessment is signed off and can no longer change',
  },
  // printed documents (issue 19)
  'meeting.not_held': {
    zh: '会议尚未召开，暂无会议纪要',
    en: 'The meeting has not been held yet: there are no minutes to print',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return key in MESSAGES;
}

export function translate(key: MessageKey, language: Language, params: Record<string, unknown> = {}): string {
  const template: string = MESSAGES[key][language];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The UI sends Accept-Language: en when English is chosen; anything else gets Chinese. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Language of a request: from Accept-Language. */
export function languageOf(request: { headers: Record<string, string | string[] | undefined> }): Language {
  const header = request.headers['accept-language'];
  return pickLanguage(Array.isArray(header) ? header[0] : header);
}
