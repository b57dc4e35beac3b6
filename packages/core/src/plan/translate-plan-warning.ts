/**
 * Parser warnings in Chinese for the clerk who reviews an import (the UI is zh-CN first). The parser's own messages
 * stay in English (they are also matched by plan-files); this maps each known form to Chinese and leaves an unknown
 * one as it is.
 */
const RULES: readonly (readonly [RegExp, (m: RegExpMatchArray) => string])[] = [
  [
    /^page without 序号 column: tasks (\d+)–(\d+) numbered by their order$/,
    (m) => `该页没有序号列：第 ${m[1] ?? ''}–${m[2] ?? ''} 项按顺序编号`,
  ],
  [
    /^ratio "(.*)": frequency "(.*)" has no number$/,
    (m) => `比例“${m[1] ?? ''}”：频次“${m[2] ?? ''}”没有次数`,
  ],
  [
    /^ratio "(.*)": frequency "(.*)" has no period: read as per year$/,
    (m) => `比例“${m[1] ?? ''}”：频次“${m[2] ?? ''}”未写周期，按每年计`,
  ],
  [
    /^ratio "(.*)": no % sign: (\S+) read as (\S+)$/,
    (m) => `比例“${m[1] ?? ''}”缺少 % 号：${m[2] ?? ''} 按 ${m[3] ?? ''} 读取`,
  ],
  [
    /^抽查对象范围 blank, the row above has two scopes: "(.*)" moved from task (\d+) to task (\d+)$/,
    (m) => `抽查对象范围为空，上一行有两个范围：“${m[1] ?? ''}”从第 ${m[2] ?? ''} 项移至第 ${m[3] ?? ''} 项`,
  ],
  [
    /^one department cell holds (\d+) names and the other is blank: first read as 发起部门, the rest as 配合部门$/,
    (m) => `一个部门单元格含 ${m[1] ?? ''} 个部门、另一个为空：第一个作为发起部门，其余作为配合部门`,
  ],
  [
    /^(\d+) department cells: all after the first read as 配合部门$/,
    (m) => `有 ${m[1] ?? ''} 个部门单元格：第一个之后的均作为配合部门`,
  ],
  [/^地市 cell missing: row shifted one column left$/, () => '缺少地市单元格：该行整体左移一列'],
  [
    /^region header "(.*)" disagrees with the other headers of (\S+) \((\d+)\): (\d+) used$/,
    (m) => `地区标题“${m[1] ?? ''}”与${m[2] ?? ''}的其他标题（${m[3] ?? ''}）不一致：按 ${m[4] ?? ''} 项处理`,
  ],
  [
    /^region header of (\S+) printed after (\S+) began$/,
    (m) => `${m[1] ?? ''}的地区标题出现在${m[2] ?? ''}开始之后`,
  ],
  [/^region label "(.*)" not recognised$/, (m) => `无法识别地区标签“${m[1] ?? ''}”`],
  [
    /^region column label near the task says (\S+), the region counts put it in (\S+): (\S+) used$/,
    (m) => `地区列在该任务附近写的是${m[1] ?? ''}，按各地区任务数应属${m[2] ?? ''}：按${m[3] ?? ''}处理`,
  ],
  [
    /^row without name and departments read as a further line of task (\d+)$/,
    (m) => `无任务名称和部门的行作为第 ${m[1] ?? ''} 项的又一行抽查内容`,
  ],
  [
    /^抽查对象范围 blank in a sub-row: taken from the line above \(merged cell\)$/,
    () => '子行的抽查对象范围为空：沿用上一行（合并单元格）',
  ],
  [
    /^起止时间 blank in a sub-row: taken from the line above \(merged cell\)$/,
    () => '子行的起止时间为空：沿用上一行（合并单元格）',
  ],
  [/^"(.*)" is an either-or cooperator: 或 dropped$/, (m) => `“${m[1] ?? ''}”为二选一的配合部门：去掉“或”`],
  [
    /^cells after the ratio are not under their headers: assigned by content$/,
    () => '比例之后的单元格与表头错位：按内容归入各列',
  ],
  [/^起止时间 not printed: window left null$/, () => '未印起止时间：时间范围留空'],
  [
    /^only two cells before the ratio: "(.*)" read as 抽查对象范围, the other left blank$/,
    (m) => `比例之前只有两个单元格：“${m[1] ?? ''}”作为抽查对象范围，另一项留空`,
  ],
  [
    /^second ratio "(.*)" printed in the row: not represented$/,
    (m) => `该行印有第二个比例“${m[1] ?? ''}”：未录入`,
  ],
  [/^(.*) printed as both 发起部门 and 配合部门$/, (m) => `${m[1] ?? ''}同时列为发起部门和配合部门`],
  [/^extra empty cell before the ratio: row shifted right$/, () => '比例之前多一个空单元格：该行右移'],
  [/^no 发起部门 or 配合部门 printed$/, () => '未印发起部门和配合部门'],
  [
    /^department "(.*)" printed twice in adjacent columns: duplicate dropped$/,
    (m) => `部门“${m[1] ?? ''}”在相邻两列重复：去掉重复`,
  ],
  [
    /^"(.*)" printed twice in adjacent columns: duplicate dropped$/,
    (m) => `“${m[1] ?? ''}”在相邻两列重复：去掉重复`,
  ],
  [
    /^one row holds (\d+) sub-rows \((\d+) ratios in one cell\): split into (\d+) lines$/,
    (m) => `一行含 ${m[1] ?? ''} 个子行（一个单元格内 ${m[2] ?? ''} 个比例）：拆为 ${m[3] ?? ''} 行`,
  ],
  [/^task split across rows \(same 序号 and name\): joined$/, () => '任务跨行（序号和名称相同）：已合并'],
  [
    /^no 抽查任务名称 printed, but the row has its own departments or 序号: counted as a task$/,
    () => '未印抽查任务名称，但该行有自己的部门或序号：作为一项任务',
  ],
  [/^no 序号 printed: (\d+) inferred from the order$/, (m) => `未印序号：按顺序推定为 ${m[1] ?? ''}`],
  [
    /^printed 序号 (\S+) differs from the position (\d+): position used$/,
    (m) => `所印序号 ${m[1] ?? ''} 与位置 ${m[2] ?? ''} 不符：按位置编号`,
  ],
  [
    /^unknown department "(.*)" in (\S+?)(?:; it names (.*) of (\S+))?$/,
    (m) =>
      `${m[2] ?? ''}无法识别部门“${m[1] ?? ''}”${m[3] === undefined ? '' : `（可能是${m[4] ?? ''}的${m[3]}）`}`,
  ],
  [
    /^"(.*)" is a city department in a (\S+) task$/,
    (m) => `“${m[1] ?? ''}”是市级部门，出现在${m[2] ?? ''}的任务中`,
  ],
];

export function translatePlanWarning(message: string): string {
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(message);
    if (m !== null) return render(m);
  }
  return message;
}
