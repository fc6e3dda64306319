import { all, anonymousVolumeWithData, bindMounted, namedVolumeOutlivedContainer, not, someContainer } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 9: volumes and bind mounts: data that lives outside the container's writable layer. */
export const volumes: Lesson = {
  id: 'volumes',
  order: 9,
  title: { en: 'Volumes and bind mounts', 'pt-BR': 'Volumes e bind mounts' },
  intro: {
    en: 'A container’s writable layer is deleted with the container (docker rm). Data that must survive goes in a volume, a directory Docker manages on the host, or in a bind mount, a host directory you choose; either is mounted into the container, past the overlay. Follow along in the Volumes view.',
    'pt-BR': 'A camada gravável de um contêiner é apagada junto com ele (docker rm). Dado que precisa sobreviver vai para um volume, um diretório que o Docker administra no host, ou para um bind mount, um diretório do host que você escolhe; os dois são montados dentro do contêiner, por fora do overlay. Acompanhe pela aba Volumes.',
  },
  steps: [
    {
      run: 'docker volume create data',
      say: { en: 'Create a named volume.', 'pt-BR': 'Crie um volume com nome.' },
    },
    {
      run: 'docker run --rm -v data:/data alpine sh -c "echo hello > /data/note.txt"',
      say: {
        en: 'A container writes a file into the volume and is removed as soon as it exits (--rm). Its writable layer is gone; the volume is not.',
        'pt-BR': 'Um contêiner grava um arquivo no volume e é removido assim que termina (--rm). A camada gravável dele some; o volume, não.',
      },
    },
    {
      run: 'docker run --rm -v data:/data alpine cat /data/note.txt',
      say: {
        en: 'A brand-new container mounts the same volume and finds the file.',
        'pt-BR': 'Um contêiner novinho monta o mesmo volume e encontra o arquivo.',
      },
    },
    {
      run: 'ls /var/lib/docker/volumes/data/_data',
      say: {
        en: 'On the host, the volume is a plain directory under /var/lib/docker/volumes (docker volume inspect data shows the Mountpoint).',
        'pt-BR': 'No host, o volume é um diretório comum dentro de /var/lib/docker/volumes (o docker volume inspect data mostra o Mountpoint).',
      },
    },
    {
      run: 'mkdir -p /root/site && echo hi > /root/site/index.html',
      say: {
        en: 'Now a bind mount: make a directory of your own on the host…',
        'pt-BR': 'Agora um bind mount: crie um diretório seu no host…',
      },
    },
    {
      run: 'docker run -d --name web -v /root/site:/usr/share/nginx/html:ro nginx',
      say: {
        en: '…and mount it over nginx’s web root, read-only (:ro): nginx serves your file and cannot change it.',
        'pt-BR': '…e monte ele por cima da raiz do site do nginx, somente leitura (:ro): o nginx serve o seu arquivo e não consegue alterá-lo.',
      },
    },
    {
      run: 'docker exec web cat /usr/share/nginx/html/index.html',
      say: {
        en: 'The container sees the host’s file. Edit /root/site/index.html on the host and look again: no copy, the same directory.',
        'pt-BR': 'O contêiner enxerga o arquivo do host. Edite o /root/site/index.html no host e olhe de novo: não é cópia, é o mesmo diretório.',
      },
    },
  ],
  goals: [
    {
      id: 'volume-survives',
      text: { en: 'A named volume kept its data after its container was removed', 'pt-BR': 'Um volume com nome guardou os dados depois que o contêiner foi removido' },
      met: namedVolumeOutlivedContainer,
    },
    {
      id: 'bind-ro',
      text: { en: 'A running container has a read-only bind mount', 'pt-BR': 'Um contêiner rodando tem um bind mount somente leitura' },
      met: bindMounted(true),
    },
  ],
  hints: [
    {
      id: 'anonymous-volume',
      when: all(anonymousVolumeWithData, not(namedVolumeOutlivedContainer)),
      text: {
        en: 'That volume has no name (-v /data): Docker gave it a long random ID, and a later container will not find it by name. Use -v data:/data.',
        'pt-BR': 'Esse volume ficou sem nome (-v /data): o Docker deu a ele um ID aleatório comprido, e outro contêiner não vai achar ele pelo nome. Use -v data:/data.',
      },
    },
    {
      id: 'bind-rw',
      when: all(bindMounted(false), not(bindMounted(true))),
      text: {
        en: 'Your bind mount is writable: the container can change your host files. Add :ro at the end of -v to make it read-only.',
        'pt-BR': 'Seu bind mount está gravável: o contêiner pode alterar os seus arquivos no host. Acrescente :ro no fim do -v para deixar somente leitura.',
      },
    },
    {
      id: 'wrote-to-layer',
      when: all(not(namedVolumeOutlivedContainer), someContainer((c) => c.status === 'exited' && c.rwSize > 0 && (c.mounts ?? []).length === 0)),
      text: {
        en: 'A stopped container holds data in its own writable layer, which docker rm will delete. Mount a volume (-v data:/data) and write there.',
        'pt-BR': 'Um contêiner parado guarda dados na própria camada gravável, que o docker rm vai apagar. Monte um volume (-v data:/data) e grave nele.',
      },
    },
  ],
  quiz: [
    {
      id: 'rm',
      question: { en: 'You docker rm a container that wrote into a named volume. What happens to the data?', 'pt-BR': 'Você dá docker rm num contêiner que gravou num volume com nome. O que acontece com os dados?' },
      choices: [
        { en: 'Deleted with the container', 'pt-BR': 'São apagados junto com o contêiner' },
        { en: 'Kept in the volume, ready for the next container', 'pt-BR': 'Ficam no volume, prontos para o próximo contêiner' },
        { en: 'Moved into the image', 'pt-BR': 'Vão para dentro da imagem' },
      ],
      answer: 1,
      explain: {
        en: 'Volumes live outside the container; only docker volume rm (or a prune) deletes them.',
        'pt-BR': 'Volumes vivem fora do contêiner; só o docker volume rm (ou um prune) apaga eles.',
      },
    },
    {
      id: 'where',
      question: { en: 'Where is a named volume’s data on the host?', 'pt-BR': 'Onde ficam, no host, os dados de um volume com nome?' },
      choices: [
        { en: 'In /var/lib/docker/volumes/<name>/_data', 'pt-BR': 'Em /var/lib/docker/volumes/<nome>/_data' },
        { en: 'In the container’s writable layer', 'pt-BR': 'Na camada gravável do contêiner' },
        { en: 'Only in memory', 'pt-BR': 'Só na memória' },
      ],
      answer: 0,
      explain: {
        en: 'The local driver keeps each volume as a directory there (its Mountpoint).',
        'pt-BR': 'O driver local guarda cada volume como um diretório ali (o Mountpoint dele).',
      },
    },
    {
      id: 'ro',
      question: { en: 'What does :ro change on a bind mount?', 'pt-BR': 'O que o :ro muda num bind mount?' },
      choices: [
        { en: 'The host can no longer edit the files', 'pt-BR': 'O host não consegue mais editar os arquivos' },
        { en: 'The container gets a copy of the files', 'pt-BR': 'O contêiner recebe uma cópia dos arquivos' },
        { en: 'The container cannot write to it; host edits still show up inside', 'pt-BR': 'O contêiner não consegue gravar nele; o que o host edita continua aparecendo lá dentro' },
      ],
      answer: 2,
      explain: {
        en: 'A bind mount is the host directory itself; :ro only makes the container’s view of it read-only.',
        'pt-BR': 'O bind mount é o próprio diretório do host; o :ro só deixa a visão do contêiner somente leitura.',
      },
    },
  ],
  solution: [
    'docker volume create data',
    'docker run --rm -v data:/data alpine sh -c "echo hello > /data/note.txt"',
    'docker run --rm -v data:/data alpine cat /data/note.txt',
    'ls /var/lib/docker/volumes/data/_data',
    'mkdir -p /root/site && echo hi > /root/site/index.html',
    'docker run -d --name web -v /root/site:/usr/share/nginx/html:ro nginx',
    'docker exec web cat /usr/share/nginx/html/index.html',
  ],
};
