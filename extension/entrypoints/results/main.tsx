import { render } from 'preact';
import { Results } from '@/ui/Results';

render(<Results />, document.getElementById('app')!);
