import { all, apiCalled, commitFailed, committed, diffShowedChanges, not, ranCommittedImage, removedAfterDiff, rwLayerWritten } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/**
 * Lesson 7: the read/write layer and `docker commit`. What a container writes lands in its own
 * writable layer (the overlay upper dir), which `docker rm` deletes with it; `docker commit`
 * (moby daemon/commit.go) turns that layer into a new read-only image layer on top of the image's.
 */
export const commit: Lesson = {
  id: 'commit',
  order: 7,
  title: { en: 'The read/write layer and docker commit', 'pt-BR': 'A camada de leitura e escrita e o docker commit' },
  intro: {
    en: 'Everything a container writes goes into its own read/write layer, on top of the image’s read-only layers. That layer belongs to the container: remove the container and the changes are gone, and a new container from the same image starts clean. docker commit freezes a container’s read/write layer into a new image layer, so the change survives. Follow along in the Layers and Overlay views.',
    'pt-BR': 'Tudo o que um contêiner grava vai para a camada de leitura e escrita dele, em cima das camadas somente leitura da imagem. Essa camada pertence ao contêiner: remova o contêiner e as mudanças somem, e um contêiner novo da mesma imagem começa limpo. O docker commit congela a camada de leitura e escrita de um contêiner numa camada nova de imagem, e assim a mudança sobrevive. Acompanhe pelas abas Camadas e Overlay.',
  },
  steps: [
    {
      run: 'docker run -d --name box alpine sleep 1000',
      say: { en: 'Start a container from alpine: its read/write layer is empty.', 'pt-BR': 'Suba um contêiner a partir do alpine: a camada de leitura e escrita dele está vazia.' },
    },
    {
      run: `docker exec box sh -c 'echo "remember me" > /root/note.txt'`,
      say: { en: 'Write a file inside it.', 'pt-BR': 'Grave um arquivo dentro dele.' },
    },
    {
      run: 'docker diff box',
      say: {
        en: 'The read/write layer now holds the new file (A) and the directory it changed (C).',
        'pt-BR': 'A camada de leitura e escrita agora guarda o arquivo novo (A) e o diretório que ele alterou (C).',
      },
    },
    {
      run: 'docker rm -f box',
      say: { en: 'Remove the container, and its read/write layer with it.', 'pt-BR': 'Remova o contêiner, e junto com ele a camada de leitura e escrita.' },
    },
    {
      run: 'docker run --rm alpine cat /root/note.txt',
      say: {
        en: 'A new container from alpine has no note: the image never changed, and the layer that held the file is gone.',
        'pt-BR': 'Um contêiner novo do alpine não tem o bilhete: a imagem nunca mudou, e a camada que guardava o arquivo foi embora.',
      },
    },
    {
      run: 'docker run -d --name box alpine sleep 1000',
      say: { en: 'Start again, with the same name (the old box is gone).', 'pt-BR': 'Comece de novo, com o mesmo nome (o box antigo já não existe).' },
    },
    {
      run: `docker exec box sh -c 'echo "remember me" > /root/note.txt'`,
      say: { en: 'Write the note again.', 'pt-BR': 'Grave o bilhete de novo.' },
    },
    {
      run: 'docker commit box notes',
      say: {
        en: 'This time commit the container: its read/write layer becomes a new read-only layer of an image named notes, on top of alpine’s.',
        'pt-BR': 'Desta vez faça o commit do contêiner: a camada de leitura e escrita vira uma nova camada somente leitura de uma imagem chamada notes, em cima da do alpine.',
      },
    },
    {
      run: 'docker run --name check notes cat /root/note.txt',
      say: { en: 'A container from notes (named check) finds the note: so will every container from notes.', 'pt-BR': 'Um contêiner do notes (chamado check) encontra o bilhete: e assim vai ser com todo contêiner criado a partir do notes.' },
    },
    {
      run: 'docker history notes',
      say: {
        en: 'The history shows the committed layer on top (a few bytes), made by the container’s command rather than a Dockerfile step. That is why commit is for experiments: a Dockerfile records how the layer was made, a commit only what it contains.',
        'pt-BR': 'O histórico mostra a camada do commit no topo (poucos bytes), feita pelo comando do contêiner e não por um passo de Dockerfile. Por isso o commit serve para experimentos: o Dockerfile registra como a camada foi feita, o commit só o que ela contém.',
      },
    },
  ],
  goals: [
    {
      id: 'diff',
      text: { en: 'docker diff listed a container’s changes', 'pt-BR': 'O docker diff listou as mudanças de um contêiner' },
      met: diffShowedChanges,
    },
    {
      id: 'gone',
      text: { en: 'A container you diffed was removed, and its changes with it', 'pt-BR': 'Um contêiner que você examinou com o diff foi removido, e as mudanças junto' },
      met: removedAfterDiff,
    },
    {
      id: 'committed',
      text: { en: 'docker commit made an image from a container', 'pt-BR': 'O docker commit criou uma imagem a partir de um contêiner' },
      met: committed,
    },
    {
      id: 'ran-committed',
      text: { en: 'A container ran from the committed image', 'pt-BR': 'Um contêiner rodou a partir da imagem do commit' },
      met: ranCommittedImage,
    },
  ],
  hints: [
    {
      id: 'diff-empty',
      when: all(apiCalled(/^GET \/containers\/[^/]+\/changes$/), not(rwLayerWritten), not(removedAfterDiff)),
      text: {
        en: 'docker diff has nothing to show: the read/write layer is empty. Write a file in the container first (docker exec box sh -c …).',
        'pt-BR': 'O docker diff não tem nada para mostrar: a camada de leitura e escrita está vazia. Primeiro grave um arquivo no contêiner (docker exec box sh -c …).',
      },
    },
    {
      id: 'commit-failed',
      when: all(commitFailed, not(committed)),
      text: {
        en: 'The commit found no such container. docker commit needs a container that still exists (running or stopped: see docker ps -a); one run with --rm is gone as soon as it exits.',
        'pt-BR': 'O commit não achou esse contêiner. O docker commit precisa de um contêiner que ainda exista (rodando ou parado: veja no docker ps -a); um contêiner rodado com --rm some assim que termina.',
      },
    },
  ],
  quiz: [
    {
      id: 'rm',
      question: { en: 'A container wrote a file, then was removed with docker rm. Where is the file?', 'pt-BR': 'Um contêiner gravou um arquivo e depois foi removido com docker rm. Onde está o arquivo?' },
      choices: [
        { en: 'In the image, for the next container', 'pt-BR': 'Na imagem, para o próximo contêiner' },
        { en: 'Gone, with the container’s read/write layer', 'pt-BR': 'Sumiu, junto com a camada de leitura e escrita do contêiner' },
        { en: 'In a volume Docker created for it', 'pt-BR': 'Num volume que o Docker criou para ele' },
      ],
      answer: 1,
      explain: {
        en: 'The new alpine container had no /root/note.txt: images never change under a container.',
        'pt-BR': 'O contêiner novo do alpine não tinha /root/note.txt: a imagem nunca muda por baixo de um contêiner.',
      },
    },
    {
      id: 'commit',
      question: { en: 'What does docker commit box notes make?', 'pt-BR': 'O que o docker commit box notes cria?' },
      choices: [
        { en: 'A copy of the running container', 'pt-BR': 'Uma cópia do contêiner rodando' },
        { en: 'A backup of box’s volumes', 'pt-BR': 'Um backup dos volumes do box' },
        { en: 'An image: box’s image layers plus one new layer with its changes', 'pt-BR': 'Uma imagem: as camadas da imagem do box mais uma camada nova com as mudanças dele' },
      ],
      answer: 2,
      explain: {
        en: 'docker history notes showed alpine’s layer with the committed one on top.',
        'pt-BR': 'O docker history notes mostrou a camada do alpine com a do commit por cima.',
      },
    },
    {
      id: 'dockerfile',
      question: { en: 'Why prefer a Dockerfile to docker commit for images you keep?', 'pt-BR': 'Por que preferir um Dockerfile ao docker commit para as imagens que você vai manter?' },
      choices: [
        { en: 'A commit cannot be pushed to a registry', 'pt-BR': 'Um commit não pode ser enviado para um registry' },
        { en: 'A Dockerfile records how each layer was made, so anyone can rebuild and review it', 'pt-BR': 'O Dockerfile registra como cada camada foi feita, então qualquer pessoa pode refazer e revisar' },
        { en: 'Committed images cannot run', 'pt-BR': 'Imagens de commit não rodam' },
      ],
      answer: 1,
      explain: {
        en: 'The committed layer’s history says only “sleep 1000”, the container’s command, not how the note got there.',
        'pt-BR': 'O histórico da camada do commit diz só “sleep 1000”, o comando do contêiner, e não como o bilhete foi parar lá.',
      },
    },
  ],
  solution: [
    'docker run -d --name box alpine sleep 1000',
    `docker exec box sh -c 'echo "remember me" > /root/note.txt'`,
    'docker diff box',
    'docker rm -f box',
    'docker run --rm alpine cat /root/note.txt',
    'docker run -d --name box alpine sleep 1000',
    `docker exec box sh -c 'echo "remember me" > /root/note.txt'`,
    'docker commit box notes',
    'docker run --name check notes cat /root/note.txt',
    'docker history notes',
  ],
};
