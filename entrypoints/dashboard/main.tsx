import { render } from 'preact';

render(<h1>Threadline</h1>, document.getElementById('app')!);
