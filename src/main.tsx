import './ui/styles.css';
import { boot } from './ui/boot.tsx';

void boot(document.getElementById('root')!);
