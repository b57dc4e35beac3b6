/**
 * The zh-CN dictionary: the platform's first language. Every UI string lives here; `en.ts` has the same keys.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export const zhCn = {
  'app.title': '双随机抽查监管平台',
  'app.shortTitle': '双随机',
  'app.brand': '双随机抽查监管平台',

  'language.label': '语言',
  'language.zh-CN': '中文',
  'language.en': 'English',

  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.backHome': '返回首页',
  'common.notFound.title': '页面不存在',
  'common.notFound.description': '您访问的地址不存在，或已被移动。',
  'common.unexpected.title': '页面出错了',
  'common.unexpected.description': '发生了意外错误，请刷新页面重试。',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.badResponse': '服务器返回了无法识别的内容（HTTP {status}）。',
  'error.unavailable': '服务器暂时不可用（HTTP {status}），请稍后重试。',
  'error.unknown': '请求失败（HTTP {status}）。',

  'role.office_admin': '领导小组办公室',
  'role.department_admin': '部门管理员',
  'role.inspector': '执法人员',
  'role.auditor': '审计监督',

  'regionLevel.city': '市本级',
  'regionLevel.county': '县（市、区）',
  'regionLevel.zone': '开发区',

  'login.title': '工作人员登录',
  'login.username': '用户名',
  'login.usernameRequired': '请输入用户名',
  'login.password': '密码',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.failed': '登录失败',
  'login.demoHint':
    '演示账号在服务器启动时打印在控制台中，也可在项目 README 中查看。正式部署请由管理员分配账号。',
  'login.toPublic': '访问公众门户（无需登录）',
  'login.sessionError': '暂时无法确认登录状态',

  'session.checking': '正在确认登录状态…',
  'session.loadFailed': '无法加载登录状态',

  'shell.openMenu': '打开导航菜单',
  'shell.navTitle': '导航',
  'shell.logout': '退出登录',
  'shell.logoutFailed': '退出登录失败：{reason}',
  'shell.noDepartment': '未分配部门',
  'shell.publicPortal': '公众门户',

  'nav.home': '工作台',
  'nav.plan': '计划',
  'nav.items': '事项清单',
  'nav.objects': '检查对象库',
  'nav.inspectors': '执法人员库',
  'nav.draws': '抽取',
  'nav.inspections': '检查',
  'nav.results': '结果',
  'nav.followUp': '后续处置',
  'nav.statistics': '统计',
  'nav.publication': '公示',

  'area.notYet': '尚未开放',
  'area.plan.title': '年度联合抽查计划',
  'area.plan.description':
    '导入并发布年度联合抽查计划后，任务将在此按地区列出，包括抽查事项、对象范围、比例频次、时间和发起、配合部门。',
  'area.items.title': '随机抽查事项清单',
  'area.items.description':
    '各部门的抽查事项（检查对象、事项类别、检查方式、检查依据）导入后将在此列出和维护。',
  'area.objects.title': '检查对象名录库',
  'area.objects.description':
    '导入市场主体及其他监管对象后，将在此按地区、行业和统一社会信用代码查询；信用风险分类仅内部可见。',
  'area.inspectors.title': '执法检查人员名录库',
  'area.inspectors.description': '录入执法人员后，将在此维护其所属部门、执法证有效期、管辖片区和回避关系。',
  'area.draws.title': '随机抽取',
  'area.draws.description':
    '计划发布后，每个任务批次将在此冻结抽取范围、录入公开种子、抽取检查对象和执法人员，每一次抽取都可复核。',
  'area.inspections.title': '检查任务',
  'area.inspections.description': '抽取完成后，分派给您的检查将在此列出，可在手机上现场录入检查情况和证据。',
  'area.results.title': '检查结果',
  'area.results.description':
    '录入的检查结果将在此等待审核；审核通过的结果须在批次结束后 20 个工作日内公示。',
  'area.followUp.title': '后续处置',
  'area.followUp.description': '发现问题的检查对象将在此跟踪后续处置（责令改正、立案调查、移送等）直至完结。',
  'area.statistics.title': '统计分析',
  'area.statistics.description':
    '检查开始后，将在此按部门和地区统计应检查、已检查、已录入、已公示、完结数，并给出不合规比例的估计。',
  'area.publication.title': '信息公示',
  'area.publication.description':
    '计划、事项清单、抽取结果、检查结果和后续处置的公示记录将在此管理，公示内容同步到公众门户。',

  'home.welcome': '欢迎，{name}',
  'home.yourRole': '您的角色',
  'home.department': '所属部门',
  'home.region': '所属地区',
  'home.canDo': '您可以',
  'home.gettingStarted': '平台正在建设中：左侧各栏目将随功能上线逐步开放，目前不包含任何演示数据。',
  'home.can.office_admin.1': '编制、导入和发布年度联合抽查计划，审批计划调整',
  'home.can.office_admin.2': '组织抽取会，冻结抽取范围并公开随机种子',
  'home.can.office_admin.3': '查看各部门、各地区进度，发布通报，年底考核',
  'home.can.department_admin.1': '维护本部门的抽查事项清单、检查对象库和执法人员库',
  'home.can.department_admin.2': '管理本部门发起和配合的抽查任务',
  'home.can.department_admin.3': '审核本部门的检查结果并公示',
  'home.can.inspector.1': '查看分派给您的检查任务',
  'home.can.inspector.2': '在现场（包括手机上）录入检查结果和证据',
  'home.can.inspector.3': '申报回避关系',
  'home.can.auditor.1': '只读查看全部计划、抽取、检查和结果',
  'home.can.auditor.2': '使用密封的分层文件完整复核每一次抽取',
  'home.can.auditor.3': '查看全过程操作记录',

  'portal.title': '“双随机、一公开”抽查信息公示',
  'portal.intro':
    '“双随机、一公开”是指在市场监管中随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。本市各部门的联合抽查计划、抽查事项、抽取名单、检查结果和后续处置均在此公示。',
  'portal.verifiable':
    '每一次抽取都可以由任何人验证：抽取范围在种子产生前冻结并公布其哈希值，随机种子公开产生，抽取算法公开，任何人都能用公开的数据重新计算抽取结果。',
  'portal.staffLogin': '工作人员登录',
  'portal.toWorkspace': '进入工作台',
  'portal.sections': '公示内容',
  'portal.section.items.title': '抽查事项清单',
  'portal.section.items.description': '各部门的随机抽查事项、检查对象、检查方式和检查依据。',
  'portal.section.plan.title': '抽查计划',
  'portal.section.plan.description': '年度部门联合抽查工作计划及其每一次调整的记录。',
  'portal.section.tasks.title': '抽查任务',
  'portal.section.tasks.description': '每个任务批次的抽取范围哈希、随机种子和抽中名单，可在线复核。',
  'portal.section.results.title': '抽查结果',
  'portal.section.results.description': '经审核的检查结果，在批次结束后 20 个工作日内公示。',
  'portal.section.followUp.title': '后续处置',
  'portal.section.followUp.description': '发现问题的处置情况和结果。',
  'portal.section.pending': '发布后将在此显示',
  'portal.overview': '本市概况',
  'portal.overview.loadFailed': '暂时无法获取公示概况',
  'portal.overview.departments': '参与部门',
  'portal.overview.regions': '地区',
  'portal.overview.plan': '年度计划',
  'portal.overview.noPlan': '尚未发布年度计划',
  'portal.overview.planSummary':
    '{year} 年度联合抽查计划（第 {version} 版），共 {taskCount} 项任务，发布于 {publishedAt}',
  'portal.overview.taskCount': '项任务',
  'portal.overview.noRegions': '尚未登记地区',
  'portal.footer': '本平台为开源软件，抽取过程可由任何人复核。',
} as const satisfies Record<string, string>;

/** A key of the dictionary. */
export type MessageKey = keyof typeof zhCn;

/** A complete dictionary: every key, any wording. */
export type Messages = Record<MessageKey, string>;
