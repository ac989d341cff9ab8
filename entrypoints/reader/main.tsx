import { render } from 'preact';
import { ReaderPage } from '../../components/ReaderPage';
import '../../components/theme.css';

render(<ReaderPage />, document.getElementById('app')!);
