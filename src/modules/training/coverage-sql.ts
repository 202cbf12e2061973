import { type SQL, sql } from 'drizzle-orm';

/** The SQL fragments coverage is counted by: one place for the coverage query, the gaps and the cells. */

/**
 * The key industries' GB/T 4754 prefixes that apply at a jurisdiction in a plan period, as SQL
 * (name, prefix) rows: the national list plus those its ancestors added.
 */
export function keyIndustryPrefixes(planPeriodId: number, jurisdictionPath: string): SQL {
  const codes = jurisdictionPath.split('/');
  return sql`
    select k.name, p.prefix
    from key_industries k cross join lateral jsonb_array_elements_text(k.industry_prefixes) as p(prefix)
    where k.plan_period_id = ${planPeriodId} and k.category = 'key'
      and (k.jurisdiction_id is null or k.jurisdiction_id in (select id from jurisdictions where code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})))`;
}

/**
 * Whether a person held a valid completion of a course serving the post on a date (SQL). The person
 * is their 身份证号's lookup key (`id_number_index`): the number itself may be ciphertext.
 */
export function isTrainedAsOf(idNumberIndex: SQL, roleCode: SQL, asOf: string): SQL {
  return sql`exists (select 1 from training_completions c join training_courses k on k.id = c.course_id
    where c.id_number_index = ${idNumberIndex} and k.role_codes ? ${roleCode} and c.revoked_at is null
      and c.completed_on <= ${asOf} and c.valid_until >= ${asOf})`;
}
