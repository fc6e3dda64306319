import { all, localRegistryRunning, not, taggedForPrivateRegistry, transferDone, transferFailed } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 8: registries: an image's name says where it lives; push and pull move only missing layers. */
export const registries: Lesson = {
  id: 'registries',
  order: 8,
  title: { en: 'Registries: push and pull', 'pt-BR': 'Registries: push e pull' },
  intro: {
    en: 'A registry stores images as blobs (layers and a config) and manifests, served over HTTP. Docker Hub is one; you can run your own as a container. An image’s name says where it lives: localhost:5000/alpine is the alpine repository on the registry at localhost:5000. Follow along in the Registry view.',
    'pt-BR': 'Um registry guarda imagens como blobs (camadas e uma config) e manifestos, servidos por HTTP. O Docker Hub é um deles; você pode rodar o seu próprio como contêiner. O nome da imagem diz onde ela mora: localhost:5000/alpine é o repositório alpine no registry em localhost:5000. Acompanhe pela aba Registry.',
  },
  steps: [
    {
      run: 'docker run -d -p 5000:5000 --name registry registry:2',
      say: { en: 'Run your own registry: it is just a container, published on port 5000.', 'pt-BR': 'Rode o seu próprio registry: é só um contêiner, publicado na porta 5000.' },
    },
    {
      run: 'docker pull alpine',
      say: {
        en: 'Pull alpine from Docker Hub (docker.io/library/alpine). Its layer “Already exists”: registry:2 is built on alpine.',
        'pt-BR': 'Baixe o alpine do Docker Hub (docker.io/library/alpine). A camada dele “Already exists”: o registry:2 é construído em cima do alpine.',
      },
    },
    {
      run: 'docker tag alpine localhost:5000/alpine',
      say: {
        en: 'Give the image a second name that points at your registry. Nothing is copied: one image, two names.',
        'pt-BR': 'Dê à imagem um segundo nome que aponta para o seu registry. Nada é copiado: uma imagem, dois nomes.',
      },
    },
    {
      run: 'docker push localhost:5000/alpine',
      say: { en: 'Push it: the layer is uploaded, then the manifest that names it.', 'pt-BR': 'Faça o push: a camada sobe, depois o manifesto que aponta para ela.' },
    },
    {
      run: 'curl -s localhost:5000/v2/_catalog',
      say: { en: 'Ask the registry’s HTTP API what it holds.', 'pt-BR': 'Pergunte à API HTTP do registry o que ele guarda.' },
    },
    {
      run: 'docker push localhost:5000/alpine',
      say: {
        en: 'Push again: “Layer already exists”. Blobs are addressed by digest, so only missing layers ever travel.',
        'pt-BR': 'Faça o push de novo: “Layer already exists”. Os blobs são endereçados pelo digest, então só viajam as camadas que faltam.',
      },
    },
    {
      run: 'docker rmi localhost:5000/alpine',
      say: { en: 'Remove the local name…', 'pt-BR': 'Remova o nome local…' },
    },
    {
      run: 'docker pull localhost:5000/alpine',
      say: { en: '…and pull it back from your registry.', 'pt-BR': '…e baixe de volta do seu registry.' },
    },
  ],
  goals: [
    {
      id: 'registry-running',
      text: { en: 'A registry runs as a container', 'pt-BR': 'Um registry roda como contêiner' },
      met: localRegistryRunning,
    },
    {
      id: 'pushed',
      text: { en: 'An image was pushed to your registry', 'pt-BR': 'Uma imagem foi enviada (push) ao seu registry' },
      met: transferDone('push', 'local'),
    },
    {
      id: 'pulled',
      text: { en: 'An image was pulled from your registry', 'pt-BR': 'Uma imagem foi baixada (pull) do seu registry' },
      met: transferDone('pull', 'local'),
    },
  ],
  hints: [
    {
      id: 'no-registry',
      when: all(taggedForPrivateRegistry, not(localRegistryRunning)),
      text: {
        en: 'The image is tagged for localhost:5000, but no registry answers there. Start one first: docker run -d -p 5000:5000 --name registry registry:2.',
        'pt-BR': 'A imagem tem nome para localhost:5000, mas nenhum registry responde ali. Suba um antes: docker run -d -p 5000:5000 --name registry registry:2.',
      },
    },
    {
      id: 'push-failed',
      when: all(transferFailed('push'), not(transferDone('push', 'local'))),
      text: {
        en: 'The push failed. An image goes where its name says: tag it localhost:5000/alpine and push that name (Docker Hub’s official images are read-only).',
        'pt-BR': 'O push falhou. A imagem vai para onde o nome dela diz: crie a tag localhost:5000/alpine e faça o push desse nome (as imagens oficiais do Docker Hub são somente leitura).',
      },
    },
  ],
  quiz: [
    {
      id: 'where',
      question: { en: 'What tells docker push where localhost:5000/alpine goes?', 'pt-BR': 'O que diz ao docker push para onde vai a localhost:5000/alpine?' },
      choices: [
        { en: 'A setting in the daemon', 'pt-BR': 'Uma configuração do daemon' },
        { en: 'The name itself: its first part is the registry’s host and port', 'pt-BR': 'O próprio nome: a primeira parte é o host e a porta do registry' },
        { en: 'The last registry you pulled from', 'pt-BR': 'O último registry de onde você baixou algo' },
      ],
      answer: 1,
      explain: {
        en: 'A name without a registry part (alpine) means Docker Hub: docker.io/library/alpine.',
        'pt-BR': 'Um nome sem a parte do registry (alpine) quer dizer Docker Hub: docker.io/library/alpine.',
      },
    },
    {
      id: 'exists',
      question: { en: 'Why did the second push say “Layer already exists”?', 'pt-BR': 'Por que o segundo push disse “Layer already exists”?' },
      choices: [
        { en: 'The registry already had a blob with that digest, so nothing was uploaded', 'pt-BR': 'O registry já tinha um blob com aquele digest, então nada foi enviado' },
        { en: 'The push was cancelled', 'pt-BR': 'O push foi cancelado' },
        { en: 'Docker compressed the layer again', 'pt-BR': 'O Docker comprimiu a camada de novo' },
      ],
      answer: 0,
      explain: {
        en: 'Content addressing: same bytes, same digest, stored once.',
        'pt-BR': 'Endereçamento por conteúdo: mesmos bytes, mesmo digest, guardado uma vez só.',
      },
    },
  ],
  solution: [
    'docker run -d -p 5000:5000 --name registry registry:2',
    'docker pull alpine',
    'docker tag alpine localhost:5000/alpine',
    'docker push localhost:5000/alpine',
    'curl -s localhost:5000/v2/_catalog',
    'docker push localhost:5000/alpine',
    'docker rmi localhost:5000/alpine',
    'docker pull localhost:5000/alpine',
  ],
};
