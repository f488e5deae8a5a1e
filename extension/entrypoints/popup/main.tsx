import { render } from 'preact';
import { App } from '@/ui/Popup';

render(<App />, document.getElementById('app')!);
