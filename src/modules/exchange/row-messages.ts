/** Reasons a row is rejected or warned about, in the two languages of the UI and the rejected-rows file. */
const REASONS = {
  'row.required': { zh: '必填项为空', en: 'required value is empty' },
  'row.too_long': { zh: '超过 {max} 个字符', en: 'longer than {max} characters' },
  'row.bad_integer': { zh: '应为不小于 0 的整数', en: 'must be a whole number ≥ 0' },
  'row.bad_amount': {
    zh: '金额格式不正确（最多两位小数，不小于 0）',
    en: 'amount must be ≥ 0 with at most 2 decimals',
  },
  'row.bad_decimal': {
    zh: '应为 0 到 {max} 之间的数，最多一位小数',
    en: 'must be a number from 0 to {max} with one decimal',
  },
  'row.bad_date': { zh: '日期格式不正确，应为 YYYY-MM-DD', en: 'date must be YYYY-MM-DD' },
  'row.future_date': { zh: '日期不能晚于今天', en: 'date cannot be in the future' },
  'row.bad_year': {
    zh: '年度应为 1990 至今年之间的四位数',
    en: 'year must be 4 digits from 1990 to this year',
  },
  'row.bad_value': {
    zh: '取值不在代码表中：{value}（可选：{allowed}）',
    en: 'value not in the code table: {value} (allowed: {allowed})',
  },
  'row.credit_code_malformed': {
    zh: '统一社会信用代码格式不正确',
    en: 'malformed unified social credit code',
  },
  'row.credit_code_check': {
    zh: '统一社会信用代码校验位不符（应为 {expected}），已按原样接收',
    en: 'credit code check character differs (expected {expected}); accepted as given',
  },
  'row.jurisdiction_outside': {
    zh: '行政区划代码不存在或不在本单位管辖范围内：{value}',
    en: 'jurisdiction code unknown or outside your scope: {value}',
  },
  'row.industry_unknown': {
    zh: '国民经济行业代码不存在：{value}',
    en: 'unknown GB/T 4754 industry code: {value}',
  },
  'id.malformed': { zh: '身份证号格式不正确', en: 'malformed ID number' },
  'id.bad_date': { zh: '身份证号中的出生日期无效', en: 'the birth date inside the ID number is invalid' },
  'id.future_birth': {
    zh: '身份证号中的出生日期晚于今天',
    en: 'the birth date inside the ID number lies in the future',
  },
  'id.check_failed': {
    zh: '身份证号校验位不符（应为 {expected}）',
    en: 'ID number check character differs (expected {expected})',
  },
  'row.sex_mismatch': { zh: '性别与身份证号不符', en: 'sex does not match the ID number' },
  'row.birth_mismatch': { zh: '出生日期与身份证号不符', en: 'birth date does not match the ID number' },
  'row.determined_before_occurred': {
    zh: '认定日期早于受伤日期',
    en: 'determined before the injury occurred',
  },
  'row.category_required': {
    zh: '事故伤害须填写事故类别（GB 6441）',
    en: 'an accident injury needs its GB 6441 category',
  },
  'row.death_mismatch': { zh: '“是否死亡”与“伤害程度”不一致', en: 'is_death does not agree with severity' },
  'row.grade_range': { zh: '伤残等级应为 1 至 10', en: 'disability grade must be 1 to 10' },
  'row.grade_mismatch': {
    zh: '事故等级与伤亡人数、直接经济损失不符（按国务院令第493号应为{expected}）',
    en: 'grade does not agree with casualties and loss (493号 gives {expected})',
  },
  'row.disease_class_unknown': {
    zh: '{version} 版职业病目录中没有该类别：{value}',
    en: 'no such class in the {version} catalogue: {value}',
  },
  'row.paying_exceeds_insured': {
    zh: '缴费人数大于参保人数，请核实',
    en: 'more paying than insured persons: please check',
  },
  'row.duplicate_in_file': { zh: '与第 {line} 行重复（{key}）', en: 'duplicates line {line} ({key})' },
  'row.employer_outside': {
    zh: '该用人单位登记在本单位管辖范围之外',
    en: 'this employer is registered outside your scope',
  },
  'row.bad_quote': {
    zh: '该行的引号位置不正确（引号只能包住整个单元格），无法读取：{value}',
    en: 'a quote in this line is out of place (quotes may only enclose a whole cell); cannot read: {value}',
  },
  'row.number_lost_digits': {
    zh: '长数字被存为数值，末几位已丢失；请将该列设为文本格式后重新导出',
    en: 'a long number was stored as a number and lost its last digits; format the column as text and export again',
  },
  'row.template_example': {
    zh: '模板中的示例行，已跳过，未导入',
    en: 'the template’s example row: skipped, not imported',
  },
  'row.age_out_of_range': {
    zh: '受伤时年龄为 {age} 岁，不在 {min}–{max} 岁的合理范围内',
    en: 'age at the injury is {age}, outside the plausible {min}–{max}',
  },
  'row.before_birth': { zh: '日期早于出生日期', en: 'date lies before the birth date' },
  'row.before_floor': { zh: '日期早于 {floor}，请核实', en: 'date lies before {floor}: please check' },
  'row.second_death': {
    zh: '此人已有死亡认定（认定书编号 {caseNo}），同一人不能再次认定死亡',
    en: 'this person already has a death determination ({caseNo}); one person cannot die twice',
  },
  'row.industry_section_mismatch': {
    zh: '行业代码的门类字母与大类不符：{value}',
    en: 'the section letter does not match the division: {value}',
  },
  'file.bad_bytes': {
    zh: '第 {line} 行含有不符合 {encoding} 编码的字节，文件未导入；请将文件另存为 UTF-8 或 GBK 后重新上传',
    en: 'line {line} holds bytes that are not valid {encoding}; nothing was imported: save the file as UTF-8 or GBK and submit it again',
  },
  'file.bad_quote': {
    zh: '第 {line} 行的引号没有闭合，其后的内容无法读取，文件未导入',
    en: 'the quote opened in line {line} is never closed, so the rest of the file cannot be read; nothing was imported',
  },
  'file.removal_unconfirmed': {
    zh: '更正将删除被更正批次 {total} 行中的 {removed} 行（{share}%），超过 {threshold}% 的上限；请确认删除后重新提交',
    en: 'the correction would remove {removed} of the {total} rows of the corrected batch ({share}%), more than {threshold}%; confirm the removal and submit again',
  },
  'file.no_header': { zh: '文件没有表头行', en: 'the file has no header row' },
  'file.missing_columns': { zh: '缺少必需的列：{columns}', en: 'required columns are missing: {columns}' },
  'file.xlsx_limit': {
    zh: 'XLSX 文件的 {what} 超过上限 {limit}，文件未导入；请另存为 CSV 后重新上传',
    en: 'the XLSX file’s {what} exceed the limit of {limit}; nothing was imported: save it as CSV and submit it again',
  },
  'file.worker_memory': {
    zh: '读取文件所需内存超过上限 {limit}，文件未导入；请另存为 CSV 或拆分后重新上传',
    en: 'reading the file needs more memory than the limit of {limit}; nothing was imported: save it as CSV or split it and submit again',
  },
  'file.embedded_limit': {
    zh: '文件超过嵌入式数据库模式的上限 {limit} 行（导入期间会阻塞其他请求），文件未导入；请拆分文件，或将系统部署在 PostgreSQL 上',
    en: 'the file holds more than the embedded-database limit of {limit} rows (its import would hold up every other request); nothing was imported: split the file, or run the system on PostgreSQL',
  },
  'import.connection_lost': {
    zh: '导入过程中与数据库的连接中断，本批次未写入任何数据，请重新提交',
    en: 'the connection to the database broke off during the import; nothing of this batch was written: submit it again',
  },
  'file.unreadable': { zh: '无法读取文件：{reason}', en: 'cannot read the file: {reason}' },
} as const;

export type ReasonCode = keyof typeof REASONS;

export function describeReason(
  code: string,
  language: 'zh' | 'en',
  params: Record<string, unknown> = {},
): string {
  const entry = (REASONS as Record<string, { zh: string; en: string }>)[code];
  if (!entry) return code;
  return entry[language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
