import { all, apiCalled, imagePresent, imagesAtLeast, imagesShareLayer, not, pullFoundLayer } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/**
 * Lesson 5: images and layers: scratch → base → app. A base image is one layer made from
 * nothing (debian:bookworm-slim, built by debuerreotype FROM scratch); nginx is that layer plus its
 * own; layers are content-addressed, so a pull skips the ones already stored ("Already exists",
 * moby distribution/xfer/download.go), and `RootFS.Layers` lists the DiffIDs bottom to top.
 */
export const imagesAndLayers: Lesson = {
  id: 'images-and-layers',
  order: 5,
  title: { en: 'Images and layers', 'pt-BR': 'Imagens e camadas' },
  intro: {
    en: 'Images are built in layers, from nothing up: a base image such as debian:bookworm-slim is a single layer made FROM scratch (an empty filesystem); an application image such as nginx is that base layer plus its own layers on top. Layers are named by a hash of their content, so Docker downloads and stores each one once, whichever images use it. Follow along in the Layers view.',
    'pt-BR': 'Imagens são montadas em camadas, a partir do nada: uma imagem base como a debian:bookworm-slim é uma única camada criada FROM scratch (um sistema de arquivos vazio); uma imagem de aplicação como a nginx é essa camada base mais as camadas dela por cima. Cada camada é identificada por um hash do seu conteúdo, então o Docker baixa e guarda cada uma uma vez só, não importa quantas imagens usem. Acompanhe pela aba Camadas.',
  },
  steps: [
    {
      run: 'docker pull debian:bookworm-slim',
      say: {
        en: 'Pull the base: one line, one layer. Nothing is below it: it starts from scratch.',
        'pt-BR': 'Baixe a base: uma linha, uma camada. Não há nada embaixo dela: ela parte do scratch.',
      },
    },
    {
      run: 'docker pull nginx',
      say: {
        en: 'Now nginx. Its first layer says “Already exists”: it is the very layer you just pulled, so only nginx’s own layers come down. The Layers view shows both images standing on one shared block.',
        'pt-BR': 'Agora o nginx. A primeira camada aparece como “Already exists”: é exatamente a camada que você acabou de baixar, então só vêm as camadas próprias do nginx. A aba Camadas mostra as duas imagens apoiadas num mesmo bloco compartilhado.',
      },
    },
    {
      run: 'docker history debian:bookworm-slim',
      say: {
        en: 'The base’s history: a single step that unpacked a whole Debian root filesystem (74.8MB).',
        'pt-BR': 'O histórico da base: um único passo, que desempacotou um sistema de arquivos raiz do Debian inteiro (74.8MB).',
      },
    },
    {
      run: 'docker history nginx',
      say: {
        en: 'nginx’s history, newest first: the same Debian step at the bottom, then the steps of nginx’s Dockerfile. Steps with 0B (ENV, EXPOSE, CMD) only changed the configuration; the others added a layer.',
        'pt-BR': 'O histórico do nginx, do mais novo para o mais antigo: o mesmo passo do Debian lá embaixo, depois os passos do Dockerfile do nginx. Os passos com 0B (ENV, EXPOSE, CMD) só mudaram a configuração; os outros acrescentaram uma camada.',
      },
    },
    {
      run: "docker image inspect -f '{{json .RootFS.Layers}}' debian:bookworm-slim",
      say: {
        en: 'RootFS.Layers is the image’s list of layers, each by the hash of its content (its DiffID): here, just one.',
        'pt-BR': 'O RootFS.Layers é a lista de camadas da imagem, cada uma pelo hash do seu conteúdo (o DiffID): aqui, uma só.',
      },
    },
    {
      run: "docker image inspect -f '{{json .RootFS.Layers}}' nginx",
      say: {
        en: 'nginx’s list starts with the very same hash, then adds six. Same content, same hash: that is how Docker knew the layer already existed.',
        'pt-BR': 'A lista do nginx começa com o mesmíssimo hash e acrescenta mais seis. Mesmo conteúdo, mesmo hash: foi assim que o Docker soube que a camada já existia.',
      },
    },
    {
      run: 'docker images',
      say: {
        en: 'SIZE counts every layer of each image, so the shared base is counted twice here, though it is stored once on disk.',
        'pt-BR': 'O SIZE conta todas as camadas de cada imagem, então a base compartilhada aparece somada duas vezes aqui, embora esteja guardada uma vez só no disco.',
      },
    },
  ],
  goals: [
    {
      id: 'already-exists',
      text: { en: 'A pull found a layer already stored (“Already exists”)', 'pt-BR': 'Um pull encontrou uma camada já guardada (“Already exists”)' },
      met: pullFoundLayer,
    },
    {
      id: 'shared',
      text: { en: 'Two images share a layer', 'pt-BR': 'Duas imagens compartilham uma camada' },
      met: imagesShareLayer,
    },
    {
      id: 'history',
      text: { en: 'docker history listed an image’s steps', 'pt-BR': 'O docker history listou os passos de uma imagem' },
      met: apiCalled(/^GET \/images\/[^/]+\/history$/),
    },
    {
      id: 'rootfs',
      text: { en: 'docker image inspect showed an image’s layers', 'pt-BR': 'O docker image inspect mostrou as camadas de uma imagem' },
      met: apiCalled(/^GET \/images\/[^/]+\/json$/),
    },
  ],
  hints: [
    {
      id: 'nothing-shared',
      when: all(imagesAtLeast(2), not(imagesShareLayer)),
      text: {
        en: 'These images have no layer in common: they are built on different bases (alpine is not Debian). Pull debian:bookworm-slim and nginx, which stand on the same base layer.',
        'pt-BR': 'Essas imagens não têm nenhuma camada em comum: elas partem de bases diferentes (o alpine não é Debian). Baixe a debian:bookworm-slim e o nginx, que se apoiam na mesma camada base.',
      },
    },
    {
      id: 'alone',
      when: all(imagePresent('nginx'), not(imagesAtLeast(2))),
      text: {
        en: 'nginx came down whole: none of its layers were stored yet. Pull an image built on the same base now (debian:bookworm-slim, or redis) and watch for “Already exists”.',
        'pt-BR': 'O nginx veio inteiro: nenhuma camada dele estava guardada ainda. Agora baixe uma imagem com a mesma base (debian:bookworm-slim, ou redis) e procure o “Already exists”.',
      },
    },
  ],
  quiz: [
    {
      id: 'why-exists',
      question: { en: 'How did Docker know nginx’s first layer “Already exists”?', 'pt-BR': 'Como o Docker soube que a primeira camada do nginx “Already exists”?' },
      choices: [
        { en: 'It remembers which images were pulled before', 'pt-BR': 'Ele lembra quais imagens já foram baixadas' },
        { en: 'Layers are named by a hash of their content, and that hash was already in the layer store', 'pt-BR': 'As camadas têm como nome um hash do conteúdo, e esse hash já estava no repositório de camadas' },
        { en: 'nginx and debian are the same image', 'pt-BR': 'O nginx e o debian são a mesma imagem' },
      ],
      answer: 1,
      explain: {
        en: 'RootFS.Layers showed the same hash first in both images.',
        'pt-BR': 'O RootFS.Layers mostrou o mesmo hash em primeiro lugar nas duas imagens.',
      },
    },
    {
      id: 'scratch',
      question: { en: 'What is below debian:bookworm-slim’s only layer?', 'pt-BR': 'O que fica embaixo da única camada da debian:bookworm-slim?' },
      choices: [
        { en: 'Nothing: a base image starts FROM scratch, an empty filesystem', 'pt-BR': 'Nada: uma imagem base parte FROM scratch, um sistema de arquivos vazio' },
        { en: 'The host’s operating system', 'pt-BR': 'O sistema operacional do host' },
        { en: 'A Linux kernel layer', 'pt-BR': 'Uma camada com o kernel Linux' },
      ],
      answer: 0,
      explain: {
        en: 'The kernel is never in an image: every container uses the host’s.',
        'pt-BR': 'O kernel nunca vai dentro da imagem: todo contêiner usa o do host.',
      },
    },
    {
      id: 'disk',
      question: { en: 'docker images shows 74.8MB for debian and 192MB for nginx. Roughly how much disk do they take together?', 'pt-BR': 'O docker images mostra 74.8MB para o debian e 192MB para o nginx. Quanto de disco as duas ocupam juntas, mais ou menos?' },
      choices: [
        { en: 'About 267MB', 'pt-BR': 'Uns 267MB' },
        { en: 'About 192MB: the debian layer is stored once', 'pt-BR': 'Uns 192MB: a camada do debian é guardada uma vez só' },
        { en: 'About 74.8MB', 'pt-BR': 'Uns 74.8MB' },
      ],
      answer: 1,
      explain: {
        en: 'nginx’s 192MB already include the shared base; docker system df counts it once.',
        'pt-BR': 'Os 192MB do nginx já incluem a base compartilhada; o docker system df conta ela uma vez só.',
      },
    },
  ],
  solution: [
    'docker pull debian:bookworm-slim',
    'docker pull nginx',
    'docker history debian:bookworm-slim',
    'docker history nginx',
    "docker image inspect -f '{{json .RootFS.Layers}}' debian:bookworm-slim",
    "docker image inspect -f '{{json .RootFS.Layers}}' nginx",
    'docker images',
  ],
};
