import { all, apiCalled, diffShowedChanges, imagesShareLayer, not, rwLayerWritten } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 4: the overlay filesystem: shared read-only layers, copy-up, whiteouts, `docker diff`. */
export const overlay: Lesson = {
  id: 'overlay',
  order: 4,
  title: { en: 'The overlay filesystem', 'pt-BR': 'O sistema de arquivos overlay' },
  intro: {
    en: 'An image is a stack of read-only layers, and images share the layers they have in common. A container adds one thin writable layer on top; overlayfs merges them into the / the container sees. Changing a file from below copies it up first; deleting one leaves a whiteout. Follow along in the Layers and Overlay views.',
    'pt-BR': 'Uma imagem é uma pilha de camadas somente leitura, e imagens compartilham as camadas que têm em comum. O contêiner acrescenta por cima uma camada fina e gravável; o overlayfs junta tudo no / que o contêiner enxerga. Alterar um arquivo de baixo faz antes uma cópia dele para cima (copy-up); apagar deixa um whiteout. Acompanhe pelas abas Camadas e Overlay.',
  },
  steps: [
    {
      run: 'docker pull nginx',
      say: {
        en: 'Pull nginx: each line is a layer, downloaded once.',
        'pt-BR': 'Baixe o nginx: cada linha é uma camada, baixada uma vez só.',
      },
    },
    {
      run: 'docker pull redis',
      say: {
        en: 'Now redis: one layer says “Already exists”. Both images are built on the same Debian base layer, stored once and shared.',
        'pt-BR': 'Agora o redis: uma camada aparece como “Already exists”. As duas imagens partem da mesma camada base do Debian, guardada uma vez e compartilhada.',
      },
    },
    {
      run: 'docker run -d --name box alpine sleep 1000',
      say: {
        en: 'Start a container: it gets an empty writable layer (the overlay’s upper directory) above alpine’s read-only layer.',
        'pt-BR': 'Suba um contêiner: ele ganha uma camada gravável vazia (o diretório upper do overlay) em cima da camada somente leitura do alpine.',
      },
    },
    {
      run: `docker exec box sh -c 'echo "export EDITOR=vi" >> /etc/profile'`,
      say: {
        en: 'Append to a file that lives in the image. The layer below cannot change, so overlayfs copies the file up into the writable layer and changes the copy.',
        'pt-BR': 'Acrescente uma linha a um arquivo que vem da imagem. A camada de baixo não muda, então o overlayfs copia o arquivo para a camada gravável e altera a cópia.',
      },
    },
    {
      run: 'docker exec box rm /etc/motd',
      say: {
        en: 'Delete a file from the image. It stays in the image’s layer; the writable layer gets a whiteout that hides it.',
        'pt-BR': 'Apague um arquivo da imagem. Ele continua na camada da imagem; a camada gravável ganha um whiteout que esconde o arquivo.',
      },
    },
    {
      run: 'docker diff box',
      say: {
        en: 'docker diff lists the writable layer: C for changed (a copy-up, and its parent directories), D for deleted (a whiteout), A for added.',
        'pt-BR': 'O docker diff lista a camada gravável: C para alterado (um copy-up, e os diretórios acima dele), D para apagado (um whiteout), A para adicionado.',
      },
    },
  ],
  goals: [
    {
      id: 'shared-layer',
      text: { en: 'Two images share a layer', 'pt-BR': 'Duas imagens compartilham uma camada' },
      met: imagesShareLayer,
    },
    {
      id: 'copy-up',
      text: { en: 'A container wrote to its writable layer', 'pt-BR': 'Um contêiner gravou na sua camada gravável' },
      met: rwLayerWritten,
    },
    {
      id: 'diff',
      text: { en: 'docker diff listed a container’s changes', 'pt-BR': 'O docker diff listou as mudanças de um contêiner' },
      met: diffShowedChanges,
    },
  ],
  hints: [
    {
      id: 'diff-empty',
      when: all(apiCalled(/^GET \/containers\/[^/]+\/changes$/), not(rwLayerWritten)),
      text: {
        en: 'docker diff has little to show yet: nothing in the writable layer. Change a file that came with the image first, e.g. append a line to /etc/profile.',
        'pt-BR': 'O docker diff ainda não tem muito o que mostrar: a camada gravável está vazia. Primeiro altere um arquivo que veio com a imagem, por exemplo acrescentando uma linha ao /etc/profile.',
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
        en: 'docker diff showed D for the file, yet a new container from alpine still has it.',
        'pt-BR': 'O docker diff mostrou D para o arquivo, mas um contêiner novo do alpine continua tendo ele.',
      },
    },
    {
      id: 'shared',
      question: { en: 'Why did pulling redis after nginx print “Already exists”?', 'pt-BR': 'Por que o pull do redis depois do nginx mostrou “Already exists”?' },
      choices: [
        { en: 'The two images share a base layer, stored once', 'pt-BR': 'As duas imagens compartilham uma camada base, guardada uma vez só' },
        { en: 'redis was already pulled', 'pt-BR': 'O redis já tinha sido baixado' },
        { en: 'Docker caches every image on Docker Hub', 'pt-BR': 'O Docker guarda em cache todas as imagens do Docker Hub' },
      ],
      answer: 0,
      explain: {
        en: 'Layers are identified by content, so a layer two images have in common is downloaded and stored once.',
        'pt-BR': 'As camadas são identificadas pelo conteúdo, então uma camada comum a duas imagens é baixada e guardada uma vez só.',
      },
    },
  ],
  solution: [
    'docker pull nginx',
    'docker pull redis',
    'docker run -d --name box alpine sleep 1000',
    `docker exec box sh -c 'echo "export EDITOR=vi" >> /etc/profile'`,
    'docker exec box rm /etc/motd',
    'docker diff box',
  ],
};
