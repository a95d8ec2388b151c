import { PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';

// Placeholder until this page is built.
export default function ItemsPage(_props: PageProps) {
  return <PageTitle>建设中</PageTitle>;
}
