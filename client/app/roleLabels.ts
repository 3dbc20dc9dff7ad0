import type { Role } from '../../shared/roles';

export const ROLE_LABELS: Record<Role, string> = {
  lead: 'Lead',
  editor: 'Editor',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};
