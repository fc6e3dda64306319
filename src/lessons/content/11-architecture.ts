import { all, apiHops, not, pid1UnderShim, someContainer } from '../predicates.ts';
import type { Lesson } from '../types.ts';

const reachedKernel = apiHops(/^POST \/containers\/[^/]+\/start$/, ['dockerd', 'containerd', 'shim', 'runc', 'kernel']);

/** Lesson 11: from the docker CLI to the kernel: dockerd, containerd, the shim, runc. */
export const architecture: Lesson = {
  id: 'architecture',
  order: 11,
  title: { en: 'From docker to runc: the architecture', 'pt-BR': 'Do docker ao runc: a arquitetura' },
  intro: {
    en: 'docker is only a client: it sends HTTP requests (the Engine API) to the daemon, dockerd. dockerd keeps images, volumes and networks, and hands containers to containerd, which starts a shim per container; the shim runs runc, which asks the kernel for the namespaces and cgroups, starts the process and exits. Watch each call travel in the Architecture view.',
    'pt-BR': 'O docker é só um cliente: ele manda requisições HTTP (a Engine API) para o daemon, o dockerd. O dockerd cuida de imagens, volumes e redes, e entrega os contêineres ao containerd, que inicia um shim por contêiner; o shim roda o runc, que pede ao kernel os namespaces e cgroups, inicia o processo e sai. Veja cada chamada viajar na aba Arquitetura.',
  },
  steps: [
    {
      run: 'docker version',
      say: {
        en: 'Two sides: the Client, and the Server with its parts: Engine (dockerd), containerd, runc, docker-init.',
        'pt-BR': 'Dois lados: o Client, e o Server com suas peças: Engine (dockerd), containerd, runc, docker-init.',
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
        en: 'Create only prepares: dockerd pulls the image and records the container’s configuration. No process yet.',
        'pt-BR': 'O create só prepara: o dockerd baixa a imagem e registra a configuração do contêiner. Ainda não há processo.',
      },
    },
    {
      run: 'docker start web',
      say: {
        en: 'Start goes all the way: dockerd → containerd → shim → runc → kernel.',
        'pt-BR': 'O start vai até o fim: dockerd → containerd → shim → runc → kernel.',
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
  ],
  quiz: [
    {
      id: 'who-creates',
      question: { en: 'Which component asks the kernel for a container’s namespaces and cgroup?', 'pt-BR': 'Qual componente pede ao kernel os namespaces e o cgroup de um contêiner?' },
      choices: [
        { en: 'The docker CLI', 'pt-BR': 'O CLI docker' },
        { en: 'dockerd', 'pt-BR': 'O dockerd' },
        { en: 'runc', 'pt-BR': 'O runc' },
      ],
      answer: 2,
      explain: {
        en: 'runc is the OCI runtime: it sets up the container from its spec and execs the process.',
        'pt-BR': 'O runc é o runtime OCI: ele monta o contêiner a partir da especificação e executa o processo.',
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
  solution: ['docker version', 'docker ps', 'docker create --name web nginx', 'docker start web', 'ps -ef | grep containerd'],
};
