import type { SqlParams } from '../../common/sql';
import type { ScopedUser } from '../../common/scope';

const EXPR = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/**
 * The caller's scope on training records by their system model (`modelExpr`, e.g. `c.system_model_id`),
 * as parameterised SQL conditions to AND: partner users see the courses and cohorts of the models their
 * country donated (at least one system of the model donated by their partner); a partner account without
 * a country sees none; every other role sees everything its permissions allow.
 */
export function trainingScope(user: ScopedUser, p: SqlParams, modelExpr: string): string[] {
  // the expression comes from code, never from a request; checked anyway since it goes into the SQL text
  if (!EXPR.test(modelExpr)) throw new Error(`trainingScope: bad model expression ${modelExpr}`);
  if (user.role !== 'partner') return [];
  if (!user.partnerId) return ['false'];
  return [
    `EXISTS (SELECT 1 FROM systems scope_s WHERE scope_s.model_id = ${modelExpr}
              AND scope_s.donor_partner_id = ${p.add(user.partnerId)}::uuid)`,
  ];
}
