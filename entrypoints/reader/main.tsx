import './first-request';
import { render } from 'preact';
import { ReaderPage } from '../../components/ReaderPage';
import '../../components/theme.css';
import { installTheme } from '../../components/theme';

installTheme(document);
render(<ReaderPage />, document.getElementById('app')!);
