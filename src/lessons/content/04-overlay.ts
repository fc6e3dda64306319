import {
  all, apiCalled, diffShowedCopyUpAndWhiteout, imageFileCopiedUp, imageFileWhitedOut, onlyOwnFilesWritten, rwLayersEmpty,
} from '../predicates.ts';
import type { Lesson } from '../types.ts';

/**
 * Lesson 4: the overlay filesystem, one container at a time: read-only image layers under one
 * writable layer, copy-up on the first change to an image file, a whiteout for a deleted one, and
 * `docker diff` reading the writable layer back (C / D / A). Layers shared between images and a
 * pull's `Already exists` are lesson 5's.
 */
export const overlay: Lesson = {
  id: 'overlay',
  order: 4,
  title: { en: 'The overlay filesystem', 'pt-BR': 'O sistema de arquivos overlay' },
  intro: {
    en: 'A container’s / is not a copy of its image. overlayfs stacks the image’s read-only layers (the lower directories) under one thin writable layer of the container’s own (the upper directory) and shows the merge. Reading is free; the first change to an image file copies it up into the writable layer; deleting one leaves a whiteout there. The image itself never changes. Follow along in the Overlay view.',
    'pt-BR': 'O / de um contêiner não é uma cópia da imagem. O overlayfs empilha as camadas somente leitura da imagem (os diretórios lower) debaixo de uma camada fina e gravável, só do contêiner (o diretório upper), e mostra a junção. Ler não custa nada; a primeira alteração num arquivo da imagem copia esse arquivo para a camada gravável (copy-up); apagar um deixa lá um whiteout. A imagem em si nunca muda. Acompanhe pela aba Overlay.',
  },
  steps: [
    {
      run: 'docker run -d --name box alpine sleep 1000',
      say: {
        en: 'Start a container. Below: alpine’s read-only layer, the same one every alpine container uses. On top: a new, empty writable layer for box alone. The Overlay view shows the lower, upper and merged columns.',
        'pt-BR': 'Suba um contêiner. Embaixo: a camada somente leitura do alpine, a mesma que todo contêiner alpine usa. Em cima: uma camada gravável nova e vazia, só do box. A aba Overlay mostra as colunas lower, upper e merged.',
      },
    },
    {
      run: `docker exec box sh -c 'echo "export EDITOR=vi" >> /etc/profile'`,
      say: {
        en: 'Append a line to /etc/profile, a file from the image. Its layer cannot change, so overlayfs first copies the whole file up into the writable layer, then changes the copy. The copy hides the original.',
        'pt-BR': 'Acrescente uma linha ao /etc/profile, um arquivo da imagem. A camada dele não pode mudar, então o overlayfs primeiro copia o arquivo inteiro para a camada gravável (copy-up) e depois altera a cópia. A cópia esconde o original.',
      },
    },
    {
      run: 'docker exec box rm /etc/motd',
      say: {
        en: 'Delete /etc/motd, another file from the image. It cannot leave the image’s layer, so the writable layer gets a whiteout: a marker that hides the name from the merged view.',
        'pt-BR': 'Apague o /etc/motd, outro arquivo da imagem. Ele não pode sair da camada da imagem, então a camada gravável ganha um whiteout: uma marca que esconde esse nome da visão merged.',
      },
    },
    {
      run: `docker exec box sh -c 'echo "buy milk" > /root/notes.txt'`,
      say: {
        en: 'Create a new file. Nothing below has that name, so nothing is copied: it is written straight into the writable layer.',
        'pt-BR': 'Crie um arquivo novo. Nada embaixo tem esse nome, então nada é copiado: ele vai direto para a camada gravável.',
      },
    },
    {
      run: 'docker diff box',
      say: {
        en: 'docker diff reads the writable layer back against the image: C /etc/profile (changed: the copy-up), D /etc/motd (deleted: the whiteout), A /root/notes.txt (added). The C lines for /etc and /root are their directories, copied up to hold the changes.',
        'pt-BR': 'O docker diff compara a camada gravável com a imagem: C /etc/profile (alterado: o copy-up), D /etc/motd (apagado: o whiteout), A /root/notes.txt (adicionado). As linhas C de /etc e /root são os diretórios, copiados para cima para guardar as mudanças.',
      },
    },
    {
      run: 'docker ps -s',
      say: {
        en: 'SIZE is the writable layer alone: a few hundred bytes (the copied-up profile and your note). “virtual” adds the image’s layers, which every alpine container shares and which are stored only once.',
        'pt-BR': 'O SIZE é só a camada gravável: algumas centenas de bytes (o profile copiado e a sua nota). O “virtual” soma as camadas da imagem, que todo contêiner alpine compartilha e que ficam guardadas uma vez só.',
      },
    },
    {
      run: 'docker run --rm alpine cat /etc/motd',
      say: {
        en: 'A new container from the same image still has /etc/motd: the whiteout lives in box’s writable layer, and the image’s layer was never touched.',
        'pt-BR': 'Um contêiner novo da mesma imagem continua com o /etc/motd: o whiteout mora na camada gravável do box, e a camada da imagem nunca foi mexida.',
      },
    },
  ],
  goals: [
    {
      id: 'copy-up',
      text: { en: 'A file from the image was changed: copied up into the writable layer', 'pt-BR': 'Um arquivo da imagem foi alterado: copiado para a camada gravável (copy-up)' },
      met: imageFileCopiedUp,
    },
    {
      id: 'whiteout',
      text: { en: 'A file from the image was deleted: a whiteout hides it', 'pt-BR': 'Um arquivo da imagem foi apagado: um whiteout esconde ele' },
      met: imageFileWhitedOut,
    },
    {
      id: 'diff',
      text: { en: 'docker diff listed the copy-up (C) and the whiteout (D)', 'pt-BR': 'O docker diff listou o copy-up (C) e o whiteout (D)' },
      met: diffShowedCopyUpAndWhiteout,
    },
  ],
  hints: [
    {
      id: 'diff-empty',
      when: all(apiCalled(/^GET \/containers\/[^/]+\/changes$/), rwLayersEmpty),
      text: {
        en: 'docker diff has nothing to show yet: the writable layer is empty. Change a file that came with the image first, e.g. append a line to /etc/profile.',
        'pt-BR': 'O docker diff ainda não tem nada para mostrar: a camada gravável está vazia. Primeiro altere um arquivo que veio com a imagem, por exemplo acrescentando uma linha ao /etc/profile.',
      },
    },
    {
      id: 'own-files-only',
      when: onlyOwnFilesWritten,
      text: {
        en: 'So far the writable layer holds only files the container created: nothing was copied up or whited out. Change a file that came with the image (/etc/profile) and delete another (/etc/motd).',
        'pt-BR': 'Até agora a camada gravável só tem arquivos que o contêiner criou: nada foi copiado para cima nem ganhou whiteout. Altere um arquivo que veio com a imagem (/etc/profile) e apague outro (/etc/motd).',
      },
    },
  ],
  quiz: [
    {
      id: 'copy-up',
      question: { en: 'A container edits a file that came with its image. Where does the edit land?', 'pt-BR': 'Um contêiner edita um arquivo que veio com a imagem. Onde fica a alteração?' },
      choices: [
        { en: 'In the image’s layer, for every container', 'pt-BR': 'Na camada da imagem, para todos os contêineres' },
        { en: 'In a copy in the container’s writable layer (copy-up)', 'pt-BR': 'Numa cópia na camada gravável do contêiner (copy-up)' },
        { en: 'Nowhere: image files are read-only inside the container', 'pt-BR': 'Em lugar nenhum: os arquivos da imagem são somente leitura no contêiner' },
      ],
      answer: 1,
      explain: {
        en: 'Image layers never change; the copy in the upper directory hides the original.',
        'pt-BR': 'As camadas da imagem nunca mudam; a cópia no diretório upper esconde a original.',
      },
    },
    {
      id: 'whiteout',
      question: { en: 'What does deleting an image file inside a container do to the image?', 'pt-BR': 'O que apagar um arquivo da imagem dentro do contêiner faz com a imagem?' },
      choices: [
        { en: 'Makes it smaller', 'pt-BR': 'Deixa a imagem menor' },
        { en: 'Nothing: a whiteout in the writable layer hides the file', 'pt-BR': 'Nada: um whiteout na camada gravável esconde o arquivo' },
        { en: 'Deletes it for every container of that image', 'pt-BR': 'Apaga o arquivo para todos os contêineres da imagem' },
      ],
      answer: 1,
      explain: {
        en: 'docker diff showed D for the file, yet a new container from alpine still printed it.',
        'pt-BR': 'O docker diff mostrou D para o arquivo, mas um contêiner novo do alpine ainda mostrou o conteúdo dele.',
      },
    },
    {
      id: 'size',
      question: { en: 'docker ps -s shows box at a few hundred bytes (virtual 7.84MB). What are those few hundred bytes?', 'pt-BR': 'O docker ps -s mostra o box com algumas centenas de bytes (virtual 7.84MB). O que são essas centenas de bytes?' },
      choices: [
        { en: 'The part of alpine the container has read', 'pt-BR': 'A parte do alpine que o contêiner já leu' },
        { en: 'Its writable layer: the copied-up file and the new one', 'pt-BR': 'A camada gravável dele: o arquivo copiado e o novo' },
        { en: 'The whiteout’s copy of /etc/motd', 'pt-BR': 'A cópia do /etc/motd feita pelo whiteout' },
      ],
      answer: 1,
      explain: {
        en: 'Only changed and new files take room per container; a whiteout is an empty marker, and the image’s layers are shared.',
        'pt-BR': 'Só arquivos alterados e novos ocupam espaço por contêiner; o whiteout é uma marca vazia, e as camadas da imagem são compartilhadas.',
      },
    },
  ],
  solution: [
    'docker run -d --name box alpine sleep 1000',
    `docker exec box sh -c 'echo "export EDITOR=vi" >> /etc/profile'`,
    'docker exec box rm /etc/motd',
    `docker exec box sh -c 'echo "buy milk" > /root/notes.txt'`,
    'docker diff box',
    'docker ps -s',
    'docker run --rm alpine cat /etc/motd',
  ],
};
