import type { Messages } from './zh-cn.ts';

/** The English dictionary: same keys as `zh-cn.ts` (the type makes a missing or extra key an error). */
export const en: Messages = {
  'app.title': 'Double-Random Spot Check Platform',
  'app.shortTitle': 'Double Random',
  'app.brand': 'Spot Check Platform',

  'language.label': 'Language',
  'language.zh-CN': '中文',
  'language.en': 'English',

  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.backHome': 'Back to home',
  'common.notFound.title': 'Page not found',
  'common.notFound.description': 'This address does not exist or has moved.',
  'common.unexpected.title': 'Something went wrong',
  'common.unexpected.description': 'An unexpected error occurred. Please reload the page.',

  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.badResponse': 'The server sent a response that could not be read (HTTP {status}).',
  'error.unavailable': 'The server is unavailable right now (HTTP {status}). Please try again later.',
  'error.unknown': 'The request failed (HTTP {status}).',

  'role.office_admin': 'Leadership office',
  'role.department_admin': 'Department administrator',
  'role.inspector': 'Inspector',
  'role.auditor': 'Auditor / supervisor',

  'regionLevel.city': 'City level',
  'regionLevel.county': 'County / district',
  'regionLevel.zone': 'Development zone',

  'login.title': 'Staff sign-in',
  'login.username': 'Username',
  'login.usernameRequired': 'Enter your username',
  'login.password': 'Password',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Sign in',
  'login.failed': 'Sign-in failed',
  'login.demoHint':
    'Demo accounts are printed in the server console at start-up and listed in the project README. In production, accounts are issued by an administrator.',
  'login.toPublic': 'Visit the public portal (no sign-in needed)',
  'login.sessionError': 'Cannot check your sign-in status right now',

  'session.checking': 'Checking your sign-in…',
  'session.loadFailed': 'Could not load your sign-in status',

  'shell.openMenu': 'Open navigation menu',
  'shell.navTitle': 'Navigation',
  'shell.logout': 'Sign out',
  'shell.logoutFailed': 'Sign-out failed: {reason}',
  'shell.noDepartment': 'No department',
  'shell.publicPortal': 'Public portal',

  'nav.home': 'Dashboard',
  'nav.plan': 'Plan',
  'nav.items': 'Item list',
  'nav.objects': 'Objects',
  'nav.inspectors': 'Inspectors',
  'nav.draws': 'Draws',
  'nav.inspections': 'Inspections',
  'nav.results': 'Results',
  'nav.followUp': 'Follow-up',
  'nav.statistics': 'Statistics',
  'nav.publication': 'Publication',

  'area.notYet': 'Not available yet',
  'area.plan.title': 'Annual joint spot-check plan',
  'area.plan.description':
    'Once the annual joint plan is imported and published, its tasks will be listed here by region: matters, object scope, ratio and frequency, time window, initiating and cooperating departments.',
  'area.items.title': 'Spot-check item list',
  'area.items.description':
    "Each department's inspection matters (object, type, method, legal basis) will be listed and maintained here once imported.",
  'area.objects.title': 'Object register',
  'area.objects.description':
    'Once market entities and other supervised objects are imported, they can be searched here by region, sector and USCC; credit-risk classes are visible to staff only.',
  'area.inspectors.title': 'Inspector register',
  'area.inspectors.description':
    'Once inspectors are entered, their department, enforcement certificate validity, beat and recusals will be maintained here.',
  'area.draws.title': 'Random draws',
  'area.draws.description':
    'Once the plan is published, each task batch will be drawn here: freeze the frame, enter the public seed, draw targets and inspectors. Every draw can be re-checked.',
  'area.inspections.title': 'Inspections',
  'area.inspections.description':
    'After a draw, the inspections assigned to you will be listed here; findings and evidence can be entered on site, on a phone.',
  'area.results.title': 'Results',
  'area.results.description':
    'Entered results will wait here for approval; approved results must be published within 20 working days after the batch ends.',
  'area.followUp.title': 'Follow-up',
  'area.followUp.description':
    'Objects where problems were found will be tracked here through follow-up (order to correct, investigation, referral…) until closed.',
  'area.statistics.title': 'Statistics',
  'area.statistics.description':
    'Once inspections start, counts (due, inspected, entered, published, closed) by department and region will appear here, with estimated non-compliance rates.',
  'area.publication.title': 'Publication',
  'area.publication.description':
    'Publication records for the plan, item list, drawn lists, results and follow-up will be managed here and mirrored to the public portal.',

  'home.welcome': 'Welcome, {name}',
  'home.yourRole': 'Your role',
  'home.department': 'Department',
  'home.region': 'Region',
  'home.canDo': 'You can',
  'home.gettingStarted':
    'The platform is under construction: the sections on the left open as features ship. There is no demo data.',
  'home.can.office_admin.1': 'Compile, import and publish the annual joint plan; approve plan changes',
  'home.can.office_admin.2': 'Hold draw sessions: freeze the frames and make the random seed in public',
  'home.can.office_admin.3': 'Watch progress by department and region, issue bulletins, assess at year end',
  'home.can.department_admin.1': "Keep your department's item list, object register and inspector register",
  'home.can.department_admin.2': 'Manage the tasks your department initiates or cooperates on',
  'home.can.department_admin.3': "Approve and publish your department's results",
  'home.can.inspector.1': 'See the inspections assigned to you',
  'home.can.inspector.2': 'Enter results and evidence on site, including on a phone',
  'home.can.inspector.3': 'Declare conflicts of interest for recusal',
  'home.can.auditor.1': 'Read every plan, draw, inspection and result',
  'home.can.auditor.2': 'Fully verify every draw with the sealed strata file',
  'home.can.auditor.3': 'Read the complete audit trail',

  'portal.title': '"Double Random, One Public" Spot Check Disclosure',
  'portal.intro':
    '"Double random, one public" means inspection targets are drawn at random, inspectors are assigned at random, and what was checked and found is made public. The joint spot-check plan, the item list, the drawn lists, the results and the follow-up of every department in the city are published here.',
  'portal.verifiable':
    'Anyone can verify every draw: the frame is frozen and its hash published before the seed exists, the seed is made in public, the algorithm is open, and anyone can recompute the draw from the published data.',
  'portal.staffLogin': 'Staff sign-in',
  'portal.toWorkspace': 'Go to workspace',
  'portal.sections': 'What is published',
  'portal.section.items.title': 'Item list',
  'portal.section.items.description':
    "Each department's spot-check matters, objects, methods and legal basis.",
  'portal.section.plan.title': 'Plan',
  'portal.section.plan.description': 'The annual joint spot-check plan and the record of every change to it.',
  'portal.section.tasks.title': 'Tasks',
  'portal.section.tasks.description':
    'Per task batch: frame hash, random seed and drawn list, verifiable online.',
  'portal.section.results.title': 'Results',
  'portal.section.results.description':
    'Approved inspection results, published within 20 working days after the batch ends.',
  'portal.section.followUp.title': 'Follow-up',
  'portal.section.followUp.description': 'How problems that were found were dealt with, and the outcome.',
  'portal.section.pending': 'Will appear here once published',
  'portal.overview': 'Overview',
  'portal.overview.loadFailed': 'The overview is not available right now',
  'portal.overview.departments': 'Departments',
  'portal.overview.regions': 'Regions',
  'portal.overview.plan': 'Annual plan',
  'portal.overview.noPlan': 'No annual plan published yet',
  'portal.overview.planSummary':
    '{year} joint spot-check plan (version {version}), {taskCount} tasks, published {publishedAt}',
  'portal.overview.taskCount': 'tasks',
  'portal.overview.noRegions': 'No regions registered yet',
  'portal.footer': 'Open-source software: anyone can re-check the draws.',
};
