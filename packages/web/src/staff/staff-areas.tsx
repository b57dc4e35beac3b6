import {
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  RadarChartOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/zh-cn.ts';

/** One work area of the staff app: its route under `/app`, menu label, icon and what it will hold. */
export interface StaffArea {
  path: string;
  icon: ReactNode;
  labelKey: MessageKey;
  titleKey: MessageKey;
  descriptionKey: MessageKey;
}

/** The platform's work areas in the order of the yearly cycle (DOMAIN.md §1). */
export const staffAreas: readonly StaffArea[] = [
  {
    path: 'plan',
    icon: <FileTextOutlined />,
    labelKey: 'nav.plan',
    titleKey: 'area.plan.title',
    descriptionKey: 'area.plan.description',
  },
  {
    path: 'items',
    icon: <OrderedListOutlined />,
    labelKey: 'nav.items',
    titleKey: 'area.items.title',
    descriptionKey: 'area.items.description',
  },
  {
    path: 'objects',
    icon: <ShopOutlined />,
    labelKey: 'nav.objects',
    titleKey: 'area.objects.title',
    descriptionKey: 'area.objects.description',
  },
  {
    path: 'inspectors',
    icon: <TeamOutlined />,
    labelKey: 'nav.inspectors',
    titleKey: 'area.inspectors.title',
    descriptionKey: 'area.inspectors.description',
  },
  {
    path: 'draws',
    icon: <FileSearchOutlined />,
    labelKey: 'nav.draws',
    titleKey: 'area.draws.title',
    descriptionKey: 'area.draws.description',
  },
  {
    path: 'inspections',
    icon: <CarryOutOutlined />,
    labelKey: 'nav.inspections',
    titleKey: 'area.inspections.title',
    descriptionKey: 'area.inspections.description',
  },
  {
    path: 'results',
    icon: <AuditOutlined />,
    labelKey: 'nav.results',
    titleKey: 'area.results.title',
    descriptionKey: 'area.results.description',
  },
  {
    path: 'follow-up',
    icon: <SolutionOutlined />,
    labelKey: 'nav.followUp',
    titleKey: 'area.followUp.title',
    descriptionKey: 'area.followUp.description',
  },
  {
    path: 'risk',
    icon: <RadarChartOutlined />,
    labelKey: 'nav.risk',
    titleKey: 'area.risk.title',
    descriptionKey: 'area.risk.description',
  },
  {
    path: 'statistics',
    icon: <BarChartOutlined />,
    labelKey: 'nav.statistics',
    titleKey: 'area.statistics.title',
    descriptionKey: 'area.statistics.description',
  },
  {
    path: 'bulletins',
    icon: <FileDoneOutlined />,
    labelKey: 'nav.bulletins',
    titleKey: 'area.bulletins.title',
    descriptionKey: 'area.bulletins.description',
  },
  {
    path: 'assessment',
    icon: <TrophyOutlined />,
    labelKey: 'nav.assessment',
    titleKey: 'area.assessment.title',
    descriptionKey: 'area.assessment.description',
  },
  {
    path: 'publication',
    icon: <NotificationOutlined />,
    labelKey: 'nav.publication',
    titleKey: 'area.publication.title',
    descriptionKey: 'area.publication.description',
  },
];
