import { all, apiHops, createHitCache, createMissedCache, not, pid1UnderShim, someContainer } from '../predicates.ts';
import type { Lesson } from '../types.ts';

const reachedKernel = apiHops(/^POST \/containers\/[^/]+\/start$/, ['dockerd', 'containerd', 'shim', 'runc', 'kernel']);

/**
 * Lesson 11: the Docker host and its client. docker is an HTTP client of the Engine API; each
 * command is one or more calls (`docker run` = create, [pull,] start…); dockerd keeps the image
 * cache on the host; a start goes down dockerd → containerd → shim → runc → kernel.
 */
export const architecture: Lesson = {
  id: 'architecture',
  order: 11,
  title: { en: 'From docker to runc: the architecture', 'pt-BR': 'Do docker ao runc: a arquitetura' },
  intro: {
    en: 'docker is only a client: each command you type becomes one or more HTTP requests to the Engine API of the daemon, dockerd, on the Docker host. dockerd keeps the image cache, volumes and networks, and hands containers to containerd, which starts a shim per container; the shim runs runc, which asks the kernel for the namespaces and cgroups, starts the process and exits. The Architecture view lists every call and shows how far down it went.',
    'pt-BR': 'O docker é só um cliente: cada comando que você digita vira uma ou mais requisições HTTP para a Engine API do daemon, o dockerd, no host Docker. O dockerd cuida do cache de imagens, dos volumes e das redes, e entrega os contêineres ao containerd, que inicia um shim por contêiner; o shim roda o runc, que pede ao kernel os namespaces e cgroups, inicia o processo e sai. A aba Arquitetura lista cada chamada e mostra até onde ela desceu.',
  },
  steps: [
    {
      run: 'docker version',
      say: {
        en: 'Two sides: the Client (this docker command), and the Server with its parts: Engine (dockerd), containerd, runc, docker-init. One call: GET /version.',
        'pt-BR': 'Dois lados: o Client (este comando docker) e o Server com suas peças: Engine (dockerd), containerd, runc, docker-init. Uma chamada: GET /version.',
      },
    },
    {
      run: 'docker ps',
      say: {
        en: 'GET /containers/json: dockerd answers from what it knows, without going further down.',
        'pt-BR': 'GET /containers/json: o dockerd responde com o que ele já sabe, sem descer mais.',
      },
    },
    {
      run: 'docker create --name web nginx',
      say: {
        en: 'Three calls: POST /containers/create answers 404 (No such image: nginx is not in the daemon’s image cache); the client asks POST /images/create, and dockerd pulls nginx from Docker Hub into its cache; then the same create again: 201. Create only records the configuration. No process yet.',
        'pt-BR': 'Três chamadas: POST /containers/create responde 404 (No such image: o nginx não está no cache de imagens do daemon); o cliente pede POST /images/create, e o dockerd baixa o nginx do Docker Hub para o cache dele; depois, o mesmo create de novo: 201. O create só registra a configuração. Ainda não há processo.',
      },
    },
    {
      run: 'docker images',
      say: {
        en: 'GET /images/json: the image cache lives with dockerd on the host, not in the client. Any client talking to this daemon sees the same images.',
        'pt-BR': 'GET /images/json: o cache de imagens fica com o dockerd, no host, não no cliente. Qualquer cliente que fale com este daemon vê as mesmas imagens.',
      },
    },
    {
      run: 'docker start web',
      say: {
        en: 'POST /containers/{id}/start goes all the way: dockerd → containerd → shim → runc → kernel.',
        'pt-BR': 'O POST /containers/{id}/start vai até o fim: dockerd → containerd → shim → runc → kernel.',
      },
    },
    {
      run: 'docker run -d --name web2 nginx',
      say: {
        en: 'docker run is not one call but two: create, then start (without -d it also attaches and waits). nginx is in the cache now, so the create succeeds at once: no 404, no pull.',
        'pt-BR': 'O docker run não é uma chamada, são duas: create e depois start (sem -d ele também se conecta e espera). Agora o nginx está no cache, então o create dá certo de primeira: sem 404, sem pull.',
      },
    },
    {
      run: 'ps -ef | grep containerd',
      say: {
        en: 'containerd and dockerd are host daemons; the shim (containerd-shim-runc-v2) stays as the parent of the container’s PID 1. runc is gone: it only starts containers.',
        'pt-BR': 'O containerd e o dockerd são daemons do host; o shim (containerd-shim-runc-v2) fica como pai do PID 1 do contêiner. O runc já saiu: ele só inicia contêineres.',
      },
    },
  ],
  goals: [
    {
      id: 'dockerd-only',
      text: { en: 'dockerd answered a call on its own', 'pt-BR': 'O dockerd respondeu uma chamada sozinho' },
      met: apiHops(/^GET \/containers\/json/, ['dockerd']),
    },
    {
      id: 'cache-miss',
      text: { en: 'A create missed the image cache: 404, a pull, then the create again', 'pt-BR': 'Um create não achou a imagem no cache: 404, um pull e o create de novo' },
      met: createMissedCache,
    },
    {
      id: 'cache-hit',
      text: { en: 'A create found its image in the daemon’s cache: no pull', 'pt-BR': 'Um create achou a imagem no cache do daemon: sem pull' },
      met: createHitCache,
    },
    {
      id: 'reached-kernel',
      text: { en: 'A start went through containerd, the shim and runc to the kernel', 'pt-BR': 'Um start passou por containerd, shim e runc até o kernel' },
      met: reachedKernel,
    },
    {
      id: 'shim-parent',
      text: { en: 'A container’s PID 1 runs under its shim', 'pt-BR': 'O PID 1 de um contêiner roda debaixo do shim dele' },
      met: pid1UnderShim,
    },
  ],
  hints: [
    {
      id: 'created-not-started',
      when: all(someContainer((c) => c.status === 'created'), not(reachedKernel)),
      text: {
        en: 'The container exists only as configuration in dockerd (status Created). docker start web sends it down to containerd and runc.',
        'pt-BR': 'O contêiner existe só como configuração no dockerd (status Created). O docker start web manda ele para o containerd e o runc.',
      },
    },
    {
      id: 'pulled-first',
      when: all(createHitCache, not(createMissedCache)),
      text: {
        en: 'Every create found its image already in the cache (pulled before), so there was no 404 and no pull to watch. Create a container from an image not pulled yet, e.g. docker create --name cache redis.',
        'pt-BR': 'Todo create achou a imagem já no cache (baixada antes), então não houve 404 nem pull para ver. Crie um contêiner de uma imagem ainda não baixada, por exemplo docker create --name cache redis.',
      },
    },
  ],
  quiz: [
    {
      id: 'cache',
      question: { en: 'A second docker run of nginx downloads nothing. Why?', 'pt-BR': 'Um segundo docker run do nginx não baixa nada. Por quê?' },
      choices: [
        { en: 'The docker client saved the image the first time', 'pt-BR': 'O cliente docker guardou a imagem da primeira vez' },
        { en: 'dockerd keeps pulled images in its image cache on the host, and the create finds nginx there', 'pt-BR': 'O dockerd guarda as imagens baixadas no cache de imagens do host, e o create encontra o nginx lá' },
        { en: 'Docker Hub remembers what each machine pulled', 'pt-BR': 'O Docker Hub lembra o que cada máquina baixou' },
      ],
      answer: 1,
      explain: {
        en: 'The client only sends requests; the first create got 404 and a pull, the second got 201 at once.',
        'pt-BR': 'O cliente só manda requisições; o primeiro create recebeu 404 e um pull, o segundo recebeu 201 de primeira.',
      },
    },
    {
      id: 'run-calls',
      question: { en: 'nginx is already pulled. What does docker run -d nginx send to dockerd?', 'pt-BR': 'O nginx já foi baixado. O que o docker run -d nginx manda para o dockerd?' },
      choices: [
        { en: 'One request: POST /run', 'pt-BR': 'Uma requisição: POST /run' },
        { en: 'POST /containers/create, then POST /containers/{id}/start', 'pt-BR': 'POST /containers/create e depois POST /containers/{id}/start' },
        { en: 'Nothing: the client starts the container itself', 'pt-BR': 'Nada: o próprio cliente inicia o contêiner' },
      ],
      answer: 1,
      explain: {
        en: 'The Engine API has no run route: the CLI composes run from create and start (plus attach and wait without -d).',
        'pt-BR': 'A Engine API não tem rota de run: o CLI monta o run com create e start (mais attach e wait, sem -d).',
      },
    },
    {
      id: 'parent',
      question: { en: 'Whose child is a running container’s PID 1 on the host?', 'pt-BR': 'De quem é filho, no host, o PID 1 de um contêiner rodando?' },
      choices: [
        { en: 'dockerd', 'pt-BR': 'Do dockerd' },
        { en: 'containerd-shim-runc-v2', 'pt-BR': 'Do containerd-shim-runc-v2' },
        { en: 'runc', 'pt-BR': 'Do runc' },
      ],
      answer: 1,
      explain: {
        en: 'runc exits once the process runs; the shim stays, holding its stdio and exit status, so containerd and dockerd can restart without killing it.',
        'pt-BR': 'O runc sai assim que o processo roda; o shim fica, segurando o stdio e o status de saída, para que containerd e dockerd possam reiniciar sem matar o processo.',
      },
    },
  ],
  solution: ['docker version', 'docker ps', 'docker create --name web nginx', 'docker images', 'docker start web', 'docker run -d --name web2 nginx', 'ps -ef | grep containerd'],
};
