/**
 * Code tables of the injury, accident and occupational-disease domains (DOMAIN.md §4). Each is
 * versioned with an effective date; values marked [U] in DOMAIN.md stay configurable data.
 */

/** GB 6441-1986 《企业职工伤亡事故分类》 accident categories (事故类别), verified. */
export const GB6441_CATEGORIES: Readonly<Record<string, string>> = {
  '01': '物体打击',
  '02': '车辆伤害',
  '03': '机械伤害',
  '04': '起重伤害',
  '05': '触电',
  '06': '淹溺',
  '07': '灼烫',
  '08': '火灾',
  '09': '高处坠落',
  '10': '坍塌',
  '11': '冒顶片帮',
  '12': '透水',
  '13': '放炮',
  '14': '火药爆炸',
  '15': '瓦斯爆炸',
  '16': '锅炉爆炸',
  '17': '容器爆炸',
  '18': '其他爆炸',
  '19': '中毒和窒息',
  '20': '其他伤害',
};

/** 工伤保险条例 (2010) 第十四条 (认定) and 第十五条 (视同) grounds, coded 14-1…15-3. */
export const INJURY_GROUNDS: Readonly<Record<string, string>> = {
  '14-1': '工作时间和工作场所内，因工作原因受到事故伤害',
  '14-2': '工作时间前后在工作场所内，从事与工作有关的预备性或者收尾性工作受到事故伤害',
  '14-3': '工作时间和工作场所内，因履行工作职责受到暴力等意外伤害',
  '14-4': '患职业病',
  '14-5': '因工外出期间，由于工作原因受到伤害或者发生事故下落不明',
  '14-6': '上下班途中，受到非本人主要责任的交通事故或者城市轨道交通、客运轮渡、火车事故伤害',
  '14-7': '法律、行政法规规定应当认定为工伤的其他情形',
  '15-1': '工作时间和工作岗位，突发疾病死亡或者在48小时之内经抢救无效死亡',
  '15-2': '在抢险救灾等维护国家利益、公共利益活动中受到伤害',
  '15-3': '原在军队服役因战、因公负伤致残，已取得革命伤残军人证，到用人单位后旧伤复发',
};

/** GB 6441 injury severity by lost workdays. */
export const SEVERITIES: Readonly<Record<string, string>> = { minor: '轻伤', serious: '重伤', death: '死亡' };

/** 生产安全事故报告和调查处理条例 (国务院令第493号) 第三条 grades. */
export const ACCIDENT_GRADES: Readonly<Record<string, string>> = {
  ordinary: '一般事故',
  larger: '较大事故',
  major: '重大事故',
  especially_major: '特别重大事故',
};

/**
 * The grade 493号 assigns from deaths, serious injuries and direct loss (fen): the most severe of
 * the three thresholds ("以上" includes the number, "以下" excludes it).
 */
export function gradeOfAccident(deaths: number, seriousInjuries: number, directLossFen: number): string {
  const yuan = directLossFen / 100;
  if (deaths >= 30 || seriousInjuries >= 100 || yuan >= 100_000_000) return 'especially_major';
  if (deaths >= 10 || seriousInjuries >= 50 || yuan >= 50_000_000) return 'major';
  if (deaths >= 3 || seriousInjuries >= 10 || yuan >= 10_000_000) return 'larger';
  return 'ordinary';
}

/**
 * 职业病分类和目录: the classes of each edition, by name (the 2024 edition re-ordered them and its
 * numbering is not verified, so files name the class rather than number it).
 */
export const DISEASE_CATALOGUES: Readonly<
  Record<string, { effectiveFrom: string; classes: readonly string[] }>
> = {
  /** 国卫疾控发〔2013〕48号: 10 classes, 132 diseases. */
  '2013': {
    effectiveFrom: '2013-12-23',
    classes: [
      '职业性尘肺病及其他呼吸系统疾病',
      '职业性皮肤病',
      '职业性眼病',
      '职业性耳鼻喉口腔疾病',
      '职业性化学中毒',
      '物理因素所致职业病',
      '职业性放射性疾病',
      '职业性传染病',
      '职业性肿瘤',
      '其他职业病',
    ],
  },
  /** 2024 revision in force 2025-08-01: 12 classes, 135 diseases (document number unverified). */
  '2024': {
    effectiveFrom: '2025-08-01',
    classes: [
      '职业性尘肺病及其他呼吸系统疾病',
      '职业性皮肤病',
      '职业性眼病',
      '职业性耳鼻喉口腔疾病',
      '职业性化学中毒',
      '物理因素所致职业病',
      '职业性放射性疾病',
      '职业性传染病',
      '职业性肿瘤',
      '职业性肌肉骨骼疾病',
      '职业性精神和行为障碍',
      '其他职业病',
    ],
  },
};

/** The 13 pneumoconioses (尘肺病) of the 2013 catalogue, class 1, verified count. */
export const PNEUMOCONIOSES: readonly string[] = [
  '矽肺',
  '煤工尘肺',
  '石墨尘肺',
  '炭黑尘肺',
  '石棉肺',
  '滑石尘肺',
  '水泥尘肺',
  '云母尘肺',
  '陶工尘肺',
  '铝尘肺',
  '电焊工尘肺',
  '铸工尘肺',
  '根据《职业性尘肺病的诊断》和《职业性尘肺病的病理诊断》可以诊断的其他尘肺病',
];

/** True when a diagnosis counts as pneumoconiosis (尘肺病): a named one, or any name ending 尘肺/肺 of class 1. */
export function isPneumoconiosis(diseaseClass: string, diseaseName: string): boolean {
  if (diseaseClass !== '职业性尘肺病及其他呼吸系统疾病') return false;
  return PNEUMOCONIOSES.includes(diseaseName) || /尘肺|矽肺|石棉肺/.test(diseaseName);
}
