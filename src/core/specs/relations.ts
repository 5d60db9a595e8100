/**
 * The grammar of relations in table specs, readable by a finance person:
 *
 *   relation  := term "=" term ("+" term)*          (several relations may be joined with ";")
 *   term      := "Σ" name                            sum of a group
 *              | name                                one column / one row
 *   Σ-names   :  "Σ 本年收入"      every column under the header group 本年收入 (but its 小计)
 *                "Σ 收入明细"      every detail row on the income side
 *                "Σ 本年收入明细"  the detail rows under the 本年收入 row
 *                "Σ 支出功能分类类" the 类 lines of the expenditure side
 *                "Σ 类" / "Σ 款" / "Σ 项"  code rows of that level (under the row on the left)
 *                "Σ 顶层行"        the top-level rows under the header (units, projects)
 *
 * Names are compared with labelKey (spaces, bracket widths and 其它/其他 ignored).
 */
import { labelKey } from "../text";

export interface RelationTerm {
  /** true for a Σ group. */
  sum: boolean;
  name: string;
}

export interface ParsedRelation {
  lhs: RelationTerm;
  rhs: RelationTerm[];
}

export function parseRelations(text: string): ParsedRelation[] {
  return text
    .split(/[;；]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [l, r, extra] = part.split("=");
      if (r === undefined || extra !== undefined) throw new Error(`关系式格式错误：${part}`);
      const term = (t: string): RelationTerm => {
        const s = t.trim();
        return s.startsWith("Σ") ? { sum: true, name: labelKey(s.slice(1)) } : { sum: false, name: labelKey(s) };
      };
      const rhs = r.split("+").map(term);
      if (rhs.some((t) => !t.name)) throw new Error(`关系式格式错误：${part}`);
      return { lhs: term(l), rhs };
    });
}
