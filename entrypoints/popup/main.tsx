import { render } from 'preact';
import { Popup } from '../../components/Popup';
import '../../components/theme.css';
import { installTheme } from '../../components/theme';

installTheme(document);
render(<Popup />, document.getElementById('app')!);
